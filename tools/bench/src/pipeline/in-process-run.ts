import { type RawDocumentV1 } from '@wirestream/contracts';
import { extractArticle } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { type WireStory } from '@wirestream/harness';
import { normalizeDocument } from '@wirestream/normalize';
import path from 'node:path';

/** The stage code of fetch (reading dropped files), normalize and extract, in one process. */
export interface InProcessFigures {
  storiesPerSec: number;
  /** Stories per second of each stage's own time. */
  stages: Record<string, number>;
}

export async function runInProcess(corpus: WireStory[], dropDir: string): Promise<InProcessFigures> {
  const fetchedAt = new Date();
  const times = { fetch: 0, normalize: 0, extract: 0 };
  let stories = 0;
  const started = performance.now();
  for (const file of corpus) {
    let mark = performance.now();
    const documents: RawDocumentV1[] = await documentsFromDroppedFile(Buffer.from(file.text), {
      source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
      path: path.join(dropDir, file.fileName),
      fetchedAt,
    });
    times.fetch += performance.now() - mark;
    for (const document of documents) {
      mark = performance.now();
      const article = normalizeDocument(document, { referenceDate: fetchedAt });
      times.normalize += performance.now() - mark;
      mark = performance.now();
      // As the extractor service does: entities, then quotes with their speakers.
      extractArticle(article.body, { headline: article.headline });
      times.extract += performance.now() - mark;
      stories++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    storiesPerSec: stories / seconds,
    stages: Object.fromEntries(Object.entries(times).map(([stage, ms]) => [stage, stories / (ms / 1000)])),
  };
}

export function meanInProcess(...runs: InProcessFigures[]): InProcessFigures {
  const mean = (pick: (run: InProcessFigures) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    storiesPerSec: mean((run) => run.storiesPerSec),
    stages: Object.fromEntries(Object.keys(runs[0].stages).map((stage) => [stage, mean((run) => run.stages[stage])])),
  };
}

export async function expectedIds(corpus: WireStory[], dropDir: string): Promise<string[]> {
  const fetchedAt = new Date();
  const ids: string[] = [];
  for (const file of corpus) {
    const documents = await documentsFromDroppedFile(Buffer.from(file.text), {
      source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
      path: path.join(dropDir, file.fileName),
      fetchedAt,
    });
    ids.push(...documents.map((document) => document.articleId));
  }
  return ids;
}
