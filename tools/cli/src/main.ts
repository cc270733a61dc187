import { STAGES, type Stage } from '@wirestream/contracts';
import { apiKeys, ApiKeysUsageError } from './api-keys';
import { inspect } from './inspect';
import { createDataSource, DeadLetterReplayJournal, DEFAULT_DATABASE_URL } from '@wirestream/db';
import { connectFromEnv, letterListLines, letterPlace, readDeadLetters, replayDeadLetters, type LetterFilter, type ReplayOutcome } from './dead-letters';

const USAGE = `usage: npm run cli -- <command>

  inspect <file>                 run the fetcher, normalizer and extractor logic on one file in this
                                 process (no Kafka, no Postgres) and print each story's normalized
                                 article and entities as JSON. <file> is any source format: RSS, Atom,
                                 RDF, NITF, NewsML-G2 (item or package), wire text or HTML. A story
                                 that cannot be read is printed with its reason (and on stderr) in
                                 its place; the exit code is 1 when any could not.
  fetch <url|file|directory> [--source ID] [--allow loopback,…] [--follow-pages] [--feed]
                                 ingest a feed, document, page, file or directory once, through the
                                 fetcher service's own code onto news.raw.v1 (KAFKA_BROKERS,
                                 KAFKA_TOPIC_NAMESPACE; FETCHER_STATE_DATABASE_URL to skip what the
                                 fetcher already emitted). Source id: the URL's host, or file-drop.
  dlq list   [--stage S] [--article ID]     list dead letters by error code (time, stage, where,
                                 key, error)
  dlq show   <topic:partition:offset> | --article ID [--stage S]
                                 print dead letters in full
  dlq replay [--stage S] [--article ID]     put dead letters back on the topic they failed on, each
                                 once: replays are recorded in Postgres (DATABASE_URL), so a
                                 second replay puts back only letters not replayed before
  api-keys create <name> [--permit embargoed,killed]
                                 create a query API key and print it once (DATABASE_URL, as the
                                 schema's owner); only its salted hash is stored. --permit lets it
                                 see embargoed copy, killed copy, or both (none by default)
  api-keys list                  every key: name, id, created, last used, live or revoked
  api-keys revoke <name>         revoke the live key of that name: the API refuses it at once

  Stages: ${STAGES.join(', ')}. The broker and namespace come from KAFKA_BROKERS and KAFKA_TOPIC_NAMESPACE.`;

function parseFilter(args: string[]): LetterFilter {
  const filter: LetterFilter = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--stage') {
      const stage = args[++i] as Stage;
      if (!STAGES.includes(stage)) throw new UsageError(`unknown stage '${stage}'`);
      filter.stage = stage;
    } else if (args[i] === '--article') {
      filter.articleId = args[++i];
      if (!filter.articleId) throw new UsageError('--article needs an article id');
    } else if (args[i].startsWith('--')) {
      throw new UsageError(`unknown option ${args[i]}`);
    }
  }
  return filter;
}

async function dlq(subcommand: string | undefined, args: string[]): Promise<void> {
  const connection = connectFromEnv();
  if (subcommand === 'list') {
    letterListLines(await readDeadLetters(connection, parseFilter(args))).forEach((line) => console.log(line));
  } else if (subcommand === 'show') {
    const coordinates = args[0] && !args[0].startsWith('--') ? args[0] : null;
    const letters = (await readDeadLetters(connection, parseFilter(coordinates ? args.slice(1) : args))).filter(
      (stored) => !coordinates || letterPlace(stored) === coordinates,
    );
    if (letters.length === 0) throw new Error('no such dead letter');
    console.log(JSON.stringify(letters, null, 2));
  } else if (subcommand === 'replay') {
    const filter = parseFilter(args);
    const dataSource = createDataSource(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
    await dataSource.initialize();
    let outcome: ReplayOutcome;
    try {
      outcome = await replayDeadLetters(connection, await readDeadLetters(connection, filter), new DeadLetterReplayJournal(dataSource));
    } finally {
      await dataSource.destroy();
    }
    outcome.replayed.forEach((stored) => console.log(`replayed ${letterPlace(stored)} → ${stored.letter.sourceTopic} key=${stored.letter.key}`));
    outcome.skipped.forEach(({ letter, reason }) => console.log(`skipped  ${letterPlace(letter)}: ${reason}`));
    console.log(`${outcome.replayed.length} replayed, ${outcome.skipped.length} skipped`);
  } else {
    throw new UsageError(`unknown dlq command '${subcommand ?? ''}'`);
  }
}

class UsageError extends Error {}

/**
 * The fetcher service's own one-shot code, run in this process: loaded only for `fetch`, since it
 * brings up the fetcher's Nest module.
 */
async function fetchOnce(args: string[]): Promise<number> {
  if (args.length === 0) throw new UsageError('fetch needs a URL or a path');
  const { parseFetchOnceArgs, runFetchOnce } = await import('@wirestream/fetcher/dist/fetch-once.js');
  let parsed;
  try {
    parsed = parseFetchOnceArgs(args);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  return runFetchOnce(parsed);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === 'inspect' && args[0]) {
      const stories = await inspect(args[0]);
      console.log(JSON.stringify(stories, null, 2));
      const failed = stories.filter((story) => 'error' in story);
      failed.forEach((story) => console.error(`inspect: ${story.documentUri}: ${'error' in story ? story.error : ''}`));
      if (failed.length > 0) console.error(`inspect: ${failed.length} of ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} could not be read`);
      return failed.length > 0 ? 1 : 0;
    }
    else if (command === 'fetch') return await fetchOnce(args);
    else if (command === 'dlq') await dlq(args[0], args.slice(1));
    else if (command === 'api-keys') return await apiKeys(args[0], args.slice(1), (line) => console.log(line));
    else throw new UsageError('');
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ApiKeysUsageError) {
      if (error.message) console.error(`error: ${error.message}`);
      console.error(USAGE);
      return 2;
    }
    console.error(`${command} failed: ${(error as Error).message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
