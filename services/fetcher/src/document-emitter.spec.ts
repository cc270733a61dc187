import { DEAD_LETTER_TOPICS, MAX_MESSAGE_BYTES, MAX_BODY_CHARS, TOPICS, type DeadLetterV1, type RawDocumentV1 } from '@wirestream/contracts';
import { documentFromDroppedFile } from '@wirestream/feeds';
import { MessageProducer, TRUNCATED_HEADER, type Kafka, type KafkaOptions, type PreparedRecord } from '@wirestream/kafka';
import { DocumentEmitter } from './document-emitter';

const options = { clientId: 'test-fetcher', topicNamespace: '' } as KafkaOptions;

function wireDocument(place: string): RawDocumentV1 {
  const text = `${place}, Jan 5 (Plainwire) - The harbour master said the new pier would open in the spring, after two years of work and a long dispute over its cost.`;
  const document = documentFromDroppedFile(Buffer.from(text), { source: { id: 'desk', kind: 'file-drop', uri: '/drop' }, path: `/drop/${place}.txt`, fetchedAt: new Date() });
  return document;
}

describe('DocumentEmitter', () => {
  let sent: PreparedRecord[];
  let emitter: DocumentEmitter;

  beforeEach(() => {
    const producer = new MessageProducer({ producer: () => ({}) } as unknown as Kafka, options);
    sent = [];
    jest.spyOn(producer, 'sendPrepared').mockImplementation(async (records) => void sent.push(...records));
    emitter = new DocumentEmitter(producer);
  });

  it('refuses a document too large for one Kafka message with the reason, and sends the others', async () => {
    // Within the body limit in characters, but control characters are escaped six bytes each in JSON.
    const small = wireDocument('SKARN');
    const huge = { ...wireDocument('BRENN'), body: '\u0007'.repeat(1_500_000) };
    expect(huge.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);

    const refused = await emitter.emit([small, huge]);

    expect(refused).toEqual([huge]);
    expect(sent.map((record) => [record.topic, record.message.key])).toEqual([
      [DEAD_LETTER_TOPICS.fetcher, '/drop/BRENN.txt'],
      [TOPICS.raw, small.articleId],
    ]);
    const letter = JSON.parse(String(sent[0].message.value)) as DeadLetterV1;
    // The record is counted with its key, headers and framing, and must fit a record batch of its own.
    const [, recordBytes, limit] = /is (\d+) bytes; the limit is (\d+)$/.exec(letter.errorMessage)!.map(Number);
    expect(letter.errorMessage.startsWith(`${TOPICS.raw} message for key ${huge.articleId} is `)).toBe(true);
    expect(recordBytes).toBeGreaterThan(Buffer.byteLength(JSON.stringify(huge)));
    expect(limit).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(limit).toBeGreaterThan(MAX_MESSAGE_BYTES - 1024);
    expect(letter.headers).toMatchObject({ 'ws-source-id': 'desk', 'ws-location': '/drop/BRENN.txt', [TRUNCATED_HEADER]: '1500000' });
    for (const record of sent) expect(Buffer.byteLength(String(record.message.value))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });
});
