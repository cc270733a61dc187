import type { RawDocumentV1 } from '@wirestream/contracts';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentEmitter } from './document-emitter';
import type { FetchState } from './fetch-state';
import { FetcherEnvSchema } from './fetcher.config';
import { FileDropPoller } from './file-drop.poller';
import { droppedEntityBomb } from './fixtures/wire-fixtures';
import type { SourceRegistry } from './source-registry';

const wireStory = (place: string) => `${place}, Jan 5 (Plainwire) -- The harbour in ${place} reopened on Monday after a week of repairs, officials said.\n\n(end)\n`;

describe('FileDropPoller archiving (FETCHER_DROP_ARCHIVE)', () => {
  let dropDir: string;
  beforeEach(() => (dropDir = mkdtempSync(path.join(tmpdir(), 'wirestream-drop-archive-'))));
  afterEach(() => rmSync(dropDir, { recursive: true, force: true }));

  function poller(archive: boolean) {
    const sent: RawDocumentV1[] = [];
    const refused: string[] = [];
    const config = FetcherEnvSchema.parse({ FETCHER_DROP_ARCHIVE: String(archive) });
    const state = { unemitted: async (_source: string, documents: RawDocumentV1[]) => documents, markEmitted: async () => undefined } as unknown as FetchState;
    const emitter = {
      emit: async (documents: RawDocumentV1[]) => (sent.push(...documents), []),
      refuse: async (_source: string, location: string) => void refused.push(location),
    } as unknown as DocumentEmitter;
    return { poller: new FileDropPoller(config, state, {} as SourceRegistry, emitter), sent, refused };
  }

  const source = () => ({ id: 'desk', kind: 'file-drop' as const, path: dropDir, limits: {} });

  it('moves sent files into .done/ and refused ones into .refused/, so the next scan has nothing to stat', async () => {
    writeFileSync(path.join(dropDir, 'lund.txt'), wireStory('LUND'));
    writeFileSync(path.join(dropDir, 'ostra.txt'), wireStory('OSTRA'));
    writeFileSync(path.join(dropDir, 'bomb.xml'), droppedEntityBomb);
    const { poller: drop, sent, refused } = poller(true);

    expect(await drop.ingestOnce(source())).toBe(2);

    expect(sent.map((document) => document.body.slice(0, 4)).sort()).toEqual(['LUND', 'OSTR']);
    expect(refused).toEqual([path.join(dropDir, 'bomb.xml')]);
    expect(readdirSync(path.join(dropDir, '.done')).sort()).toEqual(['lund.txt', 'ostra.txt']);
    expect(readdirSync(path.join(dropDir, '.refused'))).toEqual(['bomb.xml']);
    expect(readdirSync(dropDir).sort()).toEqual(['.done', '.refused']);
    expect(await drop.ingestOnce(source())).toBe(0);
  });

  it('leaves files where they are by default', async () => {
    writeFileSync(path.join(dropDir, 'lund.txt'), wireStory('LUND'));
    const { poller: drop } = poller(false);
    expect(await drop.ingestOnce(source())).toBe(1);
    expect(readdirSync(dropDir)).toEqual(['lund.txt']);
    expect(existsSync(path.join(dropDir, '.done'))).toBe(false);
  });
});
