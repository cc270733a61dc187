import { documentsFromDroppedFile } from '@wirestream/feeds';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readDeadLetters } from '@wirestream/cli';
import { SHARED_DIR, waitForArticles } from '@wirestream/harness';
import { TEXT_DEFECTS } from './text-defects';
import { startTestPipeline, type TestPipeline } from './test-pipeline';

/**
 * Every feed, NITF, NewsML-G2, NewsML 1.2, ninjs, ANPA, IPTC 7901 and e-mail file of the shared
 * wire samples (written by others, in several charsets), dropped into a running pipeline: every
 * item each holds is stored exactly once, headline-only items included, with no mojibake,
 * undecoded references, markup or control characters in its text; the hostile files are the only
 * dead letters.
 */
const WIRE_DIR = path.join(SHARED_DIR, 'data', 'wire');
const KINDS = ['feeds', 'nitf', 'newsml-g2', 'newsml-1.2', 'ninjs', 'anpa', 'iptc7901', 'email'];
const filesOf = (kind: string) => readdirSync(path.join(WIRE_DIR, kind)).sort().map((name) => path.join(WIRE_DIR, kind, name));

/** Items a feed file holds, counted without any feed parser: its <item> and <entry> elements. */
function itemElementsIn(file: string): number {
  const text = readFileSync(file, 'latin1');
  return (text.match(/<(?:[a-z]+:)?(?:item|entry)[\s>]/gi) ?? []).length;
}

describe('every shared wire file through the pipeline', () => {
  let test: TestPipeline;
  const files = KINDS.flatMap(filesOf);
  // Refused with their reason: XML with entity declarations.
  const hostile = filesOf('hostile');
  const expected = new Map<string, string[]>();

  beforeAll(async () => {
    test = await startTestPipeline('wire-files');
    for (const file of files) {
      const documents = await documentsFromDroppedFile(readFileSync(file), {
        source: { id: 'file-drop', kind: 'file-drop', uri: test.dropDir },
        path: path.join(test.dropDir, path.basename(file)),
        fetchedAt: new Date(),
      });
      expected.set(file, documents.map((document) => document.articleId));
    }
  }, 180_000);

  afterAll(async () => {
    await test?.stop();
  }, 60_000);

  it('reads every item of every feed (counted without a feed parser)', () => {
    for (const file of filesOf('feeds')) expect([path.basename(file), expected.get(file)!.length]).toEqual([path.basename(file), itemElementsIn(file)]);
  });

  it('stores every item exactly once, with clean text, and dead-letters only the hostile files', async () => {
    const since = new Date();
    for (const file of [...files, ...hostile]) copyFileSync(file, path.join(test.dropDir, `${path.basename(path.dirname(file))}-${path.basename(file)}`));
    const ids = [...new Set([...expected.values()].flat())];
    expect(ids.length).toBeGreaterThan(files.length);
    expect(await waitForArticles(test.db, ids, since, 120_000)).toEqual([]);

    const rows: Array<{ article_id: string; headline: string | null; body: string; bodyless: boolean }> = await test.db.query(
      `SELECT article_id, headline, body, bodyless FROM articles WHERE article_id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      for (const [defect, pattern] of TEXT_DEFECTS) {
        for (const [field, text] of [['headline', row.headline ?? ''], ['body', row.body]] as const) {
          if (pattern.test(text)) throw new Error(`${row.article_id} ${field} holds ${defect}: ${JSON.stringify(text.match(pattern)?.[0])} in ${JSON.stringify(text.slice(0, 120))}`);
        }
      }
      expect(row.headline || row.body).toBeTruthy();
    }

    const connection = { kafka: test.kafka, namespace: test.namespace };
    const deadline = Date.now() + 30_000;
    let letters = await readDeadLetters(connection);
    while (letters.length < hostile.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      letters = await readDeadLetters(connection);
    }
    expect(letters.map((stored) => [stored.letter.stage, path.basename(stored.letter.key ?? '')]).sort()).toEqual(
      hostile.map((file) => ['fetcher', `${path.basename(path.dirname(file))}-${path.basename(file)}`]).sort(),
    );
  }, 240_000);
});
