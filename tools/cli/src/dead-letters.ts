import { DEAD_LETTER_TOPICS, DeadLetterV1Schema, namespacedTopic, STAGES, type DeadLetterV1, type Stage } from '@wirestream/contracts';
import { createIdempotentProducer, kafkaOptionsFromEnv, TRUNCATED_HEADER } from '@wirestream/kafka';
import type { DeadLetterReplayJournal, ReplayableLetter } from '@wirestream/db';
import { Kafka, logLevel } from 'kafkajs';

export interface StoredLetter {
  dlqTopic: string;
  partition: number;
  offset: string;
  letter: DeadLetterV1;
}

export interface LetterFilter {
  stage?: Stage;
  articleId?: string;
}

export interface DeadLetterConnection {
  kafka: Kafka;
  namespace: string;
}

export function connectFromEnv(env: NodeJS.ProcessEnv = process.env): DeadLetterConnection {
  // The services' own Kafka settings, TLS and SASL included.
  const options = kafkaOptionsFromEnv('wirestream-cli', env);
  const kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, ssl: options.ssl || undefined, sasl: options.sasl ?? undefined, logLevel: logLevel.ERROR });
  return { kafka, namespace: options.topicNamespace };
}

/** Every dead letter currently in the selected stages' topics, read from the start to the end. */
export async function readDeadLetters({ kafka, namespace }: DeadLetterConnection, filter: LetterFilter = {}): Promise<StoredLetter[]> {
  const stages = filter.stage ? [filter.stage] : STAGES;
  const topics = stages.map((stage) => namespacedTopic(DEAD_LETTER_TOPICS[stage], namespace));
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((name) => existing.has(name))) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (Number(high) > Number(low)) ends.set(`${topic}:${partition}`, Number(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return [];

  const letters: StoredLetter[] = [];
  // A throwaway group that never commits, deleted afterwards: reading changes nothing for anyone
  // else and leaves no group behind on the broker.
  const groupId = `${READER_GROUP_PREFIX}${process.pid}-${Date.now()}`;
  const consumer = kafka.consumer({ groupId, maxBytesPerPartition: 16 * 1024 * 1024 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set([...ends.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))))], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const remaining = new Map(ends);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const parsed = DeadLetterV1Schema.safeParse(JSON.parse(message.value?.toString() ?? 'null'));
            if (parsed.success && matches(parsed.data, filter)) letters.push({ dlqTopic: topic, partition, offset: message.offset, letter: parsed.data });
            const key = `${topic}:${partition}`;
            if (Number(message.offset) + 1 >= (remaining.get(key) ?? 0)) remaining.delete(key);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return letters.sort((a, b) => a.letter.failedAt.localeCompare(b.letter.failedAt));
}

/** Consumer groups of the CLI's readers: `wirestream-cli-reader-<pid>-<time>`, each deleted when its read ends. */
export const READER_GROUP_PREFIX = 'wirestream-cli-reader-';

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } catch {
    // A group the broker already forgot (it never committed) is fine.
  } finally {
    await admin.disconnect();
  }
}

function matches(letter: DeadLetterV1, filter: LetterFilter): boolean {
  return (!filter.stage || letter.stage === filter.stage) && (!filter.articleId || letter.key === filter.articleId);
}

/** Where a letter sits in its dead-letter topic (`topic:partition:offset`), which names it for good. */
export function letterPlace(stored: StoredLetter): string {
  return `${stored.dlqTopic}:${stored.partition}:${stored.offset}`;
}

/** The heading of letters parked before dead letters recorded an error code. */
export const NO_CODE = '(no code)';

export interface LetterGroup {
  code: string;
  letters: StoredLetter[];
}

/** Letters by error code: the largest group first (ties by code), each group in the order given. */
export function groupByCode(letters: StoredLetter[]): LetterGroup[] {
  const groups = new Map<string, StoredLetter[]>();
  for (const stored of letters) {
    const code = stored.letter.errorCode ?? NO_CODE;
    groups.set(code, [...(groups.get(code) ?? []), stored]);
  }
  return [...groups]
    .map(([code, grouped]) => ({ code, letters: grouped }))
    .sort((a, b) => b.letters.length - a.letters.length || a.code.localeCompare(b.code));
}

/** What `dlq list` prints: each code with its count, then its letters one a line, then the total. */
export function letterListLines(letters: StoredLetter[]): string[] {
  const lines: string[] = [];
  for (const { code, letters: grouped } of groupByCode(letters)) {
    lines.push(`${code}  ${grouped.length} letter(s)`);
    for (const stored of grouped) {
      const { letter } = stored;
      const replays = letter.headers[REPLAY_COUNT_HEADER] ? `  replayed ${letter.headers[REPLAY_COUNT_HEADER]}×` : '';
      lines.push(`  ${letter.failedAt}  ${letter.stage.padEnd(10)}  ${letterPlace(stored)}  key=${letter.key ?? '-'}${replays}  ${letter.errorClass}: ${letter.errorMessage.slice(0, 140)}`);
    }
  }
  lines.push(`${letters.length} dead letter(s)`);
  return lines;
}

export interface ReplayOutcome {
  replayed: StoredLetter[];
  skipped: Array<{ letter: StoredLetter; reason: string }>;
}

/** Header counting how many times a message was put back from a dead-letter topic. */
export const REPLAY_COUNT_HEADER = 'ws-replay-count';

/**
 * Puts dead letters back on the topic they failed on, with their original key and headers and a
 * replay count, for the stage to try again after a fix. Each letter is replayed once (`journal`
 * records it): a second replay puts back only letters not replayed before, such as those a replay
 * parked again, so poison letters are never multiplied.
 */
export async function replayDeadLetters({ kafka }: DeadLetterConnection, letters: StoredLetter[], journal: DeadLetterReplayJournal): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { replayed: [], skipped: [] };
  const replayable: Array<StoredLetter & ReplayableLetter> = [];
  for (const stored of letters) {
    const { letter } = stored;
    if (letter.sourceTopic.startsWith('source:')) {
      outcome.skipped.push({ letter: stored, reason: `fetched document: fetch it again (${letter.headers['ws-location'] ?? letter.key})` });
    } else if (letter.value === null || letter.headers[TRUNCATED_HEADER]) {
      outcome.skipped.push({ letter: stored, reason: 'the original value was not kept whole' });
    } else {
      replayable.push({ ...stored, sourceTopic: letter.sourceTopic, key: letter.key });
    }
  }
  const claim = await journal.replayOnce(replayable, async (fresh) => {
    const messagesByTopic = new Map<string, Array<{ key: string | null; value: Buffer; headers: Record<string, string> }>>();
    for (const stored of fresh) {
      const { letter } = stored;
      const value = Buffer.from(letter.value!, letter.valueEncoding === 'base64' ? 'base64' : 'utf8');
      const replays = Number(letter.headers[REPLAY_COUNT_HEADER] ?? 0) + 1;
      const headers = { ...letter.headers, 'ws-replayed-from': `${stored.dlqTopic}:${stored.partition}:${stored.offset}`, [REPLAY_COUNT_HEADER]: String(replays) };
      messagesByTopic.set(letter.sourceTopic, [...(messagesByTopic.get(letter.sourceTopic) ?? []), { key: letter.key, value, headers }]);
    }
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    try {
      await producer.sendBatch({ acks: -1, topicMessages: [...messagesByTopic].map(([topic, messages]) => ({ topic, messages })) });
    } finally {
      await producer.disconnect();
    }
  });
  outcome.replayed = claim.replayed;
  outcome.skipped.push(...claim.alreadyReplayed.map((letter) => ({ letter, reason: 'replayed before' })));
  return outcome;
}
