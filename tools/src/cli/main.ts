import { EXTRACTOR_VERSION, extractEntities } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { normalizeDocument } from '@wirestream/normalize';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const USAGE = `usage: npm run cli -- inspect <file>

  inspect <file>   run the fetcher, normalizer and extractor logic on one file in this process
                   (no Kafka, no Postgres) and print each story's normalized article and entities
                   as JSON. <file> is wire text, an HTML page, or an RSS/Atom feed.`;

/** The same stage libraries the services run, on one file, in a second. */
function inspect(file: string): unknown[] {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new Error(`no such file: ${absolute}`);
  const documents = documentsFromDroppedFile(readFileSync(absolute), {
    source: { id: 'cli', kind: 'file-drop', uri: path.dirname(absolute) },
    path: absolute,
    fetchedAt: new Date(),
  });
  return documents.map((document) => {
    const article = normalizeDocument(document);
    return { article, entities: extractEntities(article.body, { headline: article.headline }), extractorVersion: EXTRACTOR_VERSION };
  });
}

function main(argv: string[]): number {
  const [command, file] = argv;
  if (command !== 'inspect' || !file) {
    console.error(USAGE);
    return 2;
  }
  try {
    console.log(JSON.stringify(inspect(file), null, 2));
    return 0;
  } catch (error) {
    console.error(`inspect failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
