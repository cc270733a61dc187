import { sha256Hex, type RawDocumentV1 } from '@wirestream/contracts';
import type { ConsumedMessage, ConsumerRunner, OutgoingRecord } from '@wirestream/kafka';
import { NormalizerConsumer } from './normalizer.consumer';

type ProcessMessage = (message: ConsumedMessage<RawDocumentV1>) => Promise<OutgoingRecord[]>;

/** The consumer with a runner that only hands back the message handler it was started with. */
async function handlerOf(consumer: (runner: ConsumerRunner) => NormalizerConsumer): Promise<ProcessMessage> {
  let handler: ProcessMessage | null = null;
  const runner = {
    start: async (options: { processMessage: ProcessMessage }) => {
      handler = options.processMessage;
    },
  } as unknown as ConsumerRunner;
  await consumer(runner).onApplicationBootstrap();
  if (!handler) throw new Error('the consumer did not start the runner');
  return handler;
}

describe('NormalizerConsumer', () => {
  it('resolves a dateline without a year against the raw document’s fetchedAt', async () => {
    const body = 'Dam opens\n\nTOKYO, Jan 6 (KUNA) -- A dam that took a decade to build opened on Monday, officials said.\n';
    const raw: RawDocumentV1 = {
      schemaVersion: 1,
      articleId: '00112233445566778899aabbccddeeff',
      source: { id: 'drop', kind: 'file-drop', uri: 'file:///drop' },
      documentUri: 'file:///drop/dam.txt',
      // Early January 2027: the latest Jan 6 not after it is in 2027, not in the clock's year.
      fetchedAt: '2027-01-07T03:00:00.000Z',
      format: 'wire-text',
      charset: 'utf-8',
      body,
      contentHash: sha256Hex(body),
      feedItem: null,
    };
    const process = await handlerOf((runner) => new NormalizerConsumer(runner));
    const [out] = await process({ topic: 'news.raw.v1', partition: 0, offset: '0', key: raw.articleId, value: raw, headers: {}, traceContext: {} as never });
    expect(out?.value).toMatchObject({ publishedAt: '2027-01-06', publishedAtSource: 'dateline' });
  });
});
