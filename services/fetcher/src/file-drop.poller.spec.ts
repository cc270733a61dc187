import type { RawDocumentV1 } from '@wirestream/contracts';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentEmitter } from './document-emitter';
import type { FetchState } from './fetch-state';
import { FetcherEnvSchema } from './fetcher.config';
import { FileDropPoller, slicesOfSize } from './file-drop.poller';
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

describe('FileDropPoller shared by instances (source leases)', () => {
  let dropDir: string;
  const pollers: FileDropPoller[] = [];
  beforeEach(() => (dropDir = mkdtempSync(path.join(tmpdir(), 'wirestream-drop-lease-'))));
  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((poller) => poller.beforeApplicationShutdown()));
    rmSync(dropDir, { recursive: true, force: true });
  });

  /** The durable state's semantics, in memory: emitted items and leases shared by every instance. */
  function sharedState(options: { loseLeaseAfter?: number } = {}) {
    const emitted = new Map<string, string>();
    const leases = new Map<string, string>();
    const leaseCalls: string[] = [];
    const state: Partial<FetchState> = {
      unemitted: async (sourceId, items) => items.filter((item) => emitted.get(`${sourceId}\n${item.articleId}`) !== item.contentHash),
      markEmitted: async (sourceId, items) => void items.forEach((item) => emitted.set(`${sourceId}\n${item.articleId}`, item.contentHash)),
      tryLease: async (sourceId, owner) => {
        leaseCalls.push(owner);
        if (options.loseLeaseAfter !== undefined && leaseCalls.length > options.loseLeaseAfter) leases.set(sourceId, 'someone-else');
        const holder = leases.get(sourceId);
        if (holder !== undefined && holder !== owner) return false;
        leases.set(sourceId, owner);
        return true;
      },
      releaseLeases: async (owner, sourceIds) => {
        for (const [sourceId, holder] of leases) if (holder === owner && (!sourceIds || sourceIds.includes(sourceId))) leases.delete(sourceId);
      },
    };
    return { state: state as FetchState, leases, leaseCalls };
  }

  async function instance(name: string, state: FetchState, batchFiles = 100) {
    const sent: RawDocumentV1[] = [];
    const config = FetcherEnvSchema.parse({ FETCHER_INSTANCE_ID: name, FETCHER_DROP_BATCH_FILES: String(batchFiles) });
    // A long interval: the test scans by hand.
    const source = { id: 'desk', kind: 'file-drop' as const, path: dropDir, limits: {}, pollIntervalMs: 3_600_000 };
    const registry = { list: () => [source], onAdded: () => undefined } as unknown as SourceRegistry;
    // A send takes a broker round trip, as it does in production: scans overlap while it lasts.
    const emit = async (documents: RawDocumentV1[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(...documents);
      return [];
    };
    const emitter = { emit, refuse: async () => undefined } as unknown as DocumentEmitter;
    const poller = new FileDropPoller(config, state, registry, emitter);
    pollers.push(poller);
    await poller.onApplicationBootstrap();
    return { poller, sent, places: () => sent.map((document) => document.body.split(',')[0]).sort() };
  }

  it('lets one instance at a time read the directory, and another take over once it stops', async () => {
    const { state, leases } = sharedState();
    const a = await instance('instance-a', state);
    const b = await instance('instance-b', state);
    for (const place of ['LUND', 'OSTRA', 'VARNE']) writeFileSync(path.join(dropDir, `${place.toLowerCase()}.txt`), wireStory(place));

    // Two scans each, the instances' at the same time: a file is read once its size and mtime held
    // still between two.
    for (let round = 0; round < 2; round++) await Promise.all([a, b].map(({ poller }) => poller.scanOnce('desk')));
    expect(a.places()).toEqual(['LUND', 'OSTRA', 'VARNE']);
    expect(b.sent).toEqual([]);
    expect(leases.get('desk')).toBe('instance-a');

    await a.poller.beforeApplicationShutdown();
    expect(leases.has('desk')).toBe(false);
    writeFileSync(path.join(dropDir, 'quarn.txt'), wireStory('QUARN'));
    for (let round = 0; round < 2; round++) await b.poller.scanOnce('desk');
    // The files instance A sent are in the shared state: B sends only the new one.
    expect(b.places()).toEqual(['QUARN']);
    expect(leases.get('desk')).toBe('instance-b');
  });

  it('renews the lease before each batch of files and stops sending once it is lost', async () => {
    const { state, leaseCalls } = sharedState({ loseLeaseAfter: 3 });
    const a = await instance('instance-a', state, 1);
    for (const place of ['LUND', 'OSTRA', 'VARNE']) writeFileSync(path.join(dropDir, `${place.toLowerCase()}.txt`), wireStory(place));

    await a.poller.scanOnce('desk'); // lease call 1: files first seen
    await a.poller.scanOnce('desk'); // call 2 for the scan and its first batch, call 3 before the second, call 4 (lost) before the third
    expect(leaseCalls).toEqual(['instance-a', 'instance-a', 'instance-a', 'instance-a']);
    expect(a.sent).toHaveLength(2);
  });
});

describe('slicesOfSize', () => {
  const entry = (name: string, size: number) => ({ name, size, mtimeMs: 0 });

  it('cuts runs of at most the given bytes, a file larger than that alone in its run', () => {
    const slices = slicesOfSize([entry('a', 4), entry('b', 4), entry('c', 4), entry('big', 20), entry('d', 1)], 10);
    expect(slices.map((slice) => slice.map((file) => file.name))).toEqual([['a', 'b'], ['c'], ['big'], ['d']]);
  });

  it('has no runs for no files', () => {
    expect(slicesOfSize([], 10)).toEqual([]);
  });
});
