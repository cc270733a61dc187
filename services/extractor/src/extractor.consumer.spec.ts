import { EnrichedArticleV3Schema, normalizedArticleOf, NormalizedArticleV1Schema, TOPICS, UnprocessableDocumentError, type NormalizedArticleV1 } from '@wirestream/contracts';
import type { ConsumedMessage, ConsumerRunner, OutgoingRecord } from '@wirestream/kafka';
import { extractorVersion } from '@wirestream/extract';
import { ExtractorConsumer } from './extractor.consumer';

const BODY =
  'Foreign Minister Park Jin met Antony Blinken in Seoul on Monday.\n\n' +
  '“The door to dialogue remains open for everyone,” Park said.\n\n' +
  '“We stand with our allies in every way that matters,” Blinken told reporters.';

function article(body: string): NormalizedArticleV1 {
  return NormalizedArticleV1Schema.parse({
    schemaVersion: 1,
    ...normalizedArticleOf({ body, articleId: 'a'.repeat(32), headline: 'Park and Blinken meet in Seoul', documentUri: 'file:///drop/story.txt' }),
  });
}

/** The consumer with a runner that only captures its message handler. */
async function handler(maxBodyChars = 500_000): Promise<(message: ConsumedMessage<NormalizedArticleV1>) => Promise<OutgoingRecord[]>> {
  let processMessage: ((message: ConsumedMessage<NormalizedArticleV1>) => Promise<OutgoingRecord[]>) | undefined;
  const runner = { start: async (options: { processMessage: typeof processMessage }) => void (processMessage = options.processMessage) };
  await new ExtractorConsumer(runner as unknown as ConsumerRunner, { EXTRACTOR_MAX_BODY_CHARS: maxBodyChars }).onApplicationBootstrap();
  return processMessage!;
}

describe('ExtractorConsumer', () => {
  it('emits entities, mentions and quotes with speakers in news.enriched.v1, with the extractor version', async () => {
    const process = await handler();
    const records = await process({ value: article(BODY) } as ConsumedMessage<NormalizedArticleV1>);
    expect(records).toHaveLength(1);
    const [out] = records;
    expect(out!.topic).toBe(TOPICS.enriched);
    expect(out!.key).toBe('a'.repeat(32));
    const enriched = EnrichedArticleV3Schema.parse(out!.value);
    expect(enriched.extractorVersion).toBe(extractorVersion());
    expect(enriched.extractorVersion).toMatch(/^ner-\d+\.\d+\.\d+\+[0-9a-f]{8}\.quotes-\d+$/);
    expect(enriched.entities.map((e) => e.key)).toEqual(expect.arrayContaining(['PERSON:park jin', 'PERSON:antony blinken', 'GPE:seoul']));
    for (const e of enriched.entities) for (const m of e.mentions) expect(BODY.slice(m.start, m.end)).toBe(m.text);
    expect(enriched.quotes?.map((q) => [q.speakerKey, q.speakerName])).toEqual([
      ['PERSON:park jin', 'Park Jin'],
      ['PERSON:antony blinken', 'Antony Blinken'],
    ]);
    for (const q of enriched.quotes ?? []) expect(BODY.slice(q.start, q.end)).toBe(q.text);
  });

  it("passes the normalizer's signature on, and states null when it sent none, computing nothing", async () => {
    const process = await handler();
    const nearDuplicate = { simhash: '00000000000000ff', sketch: [1, 2] };
    const [signed] = await process({ value: { ...article(BODY), nearDuplicate } } as ConsumedMessage<NormalizedArticleV1>);
    expect(EnrichedArticleV3Schema.parse(signed!.value).article.nearDuplicate).toEqual(nearDuplicate);
    const [unsigned] = await process({ value: article(BODY) } as ConsumedMessage<NormalizedArticleV1>);
    expect(EnrichedArticleV3Schema.parse(unsigned!.value).article.nearDuplicate).toBeNull();
  });

  it('passes the wire status on, and finds no entities in a kill notice', async () => {
    const process = await handler();
    const wire = { agencyItemId: 'urn:wire:1', version: 2, versionLabel: null, pubStatus: 'canceled' as const, statusNote: 'Kill.', embargoedUntil: null, correction: false };
    const [kill] = await process({ value: { ...article(BODY), wire } } as ConsumedMessage<NormalizedArticleV1>);
    const enriched = EnrichedArticleV3Schema.parse(kill!.value);
    expect(enriched.article.wire).toEqual(wire);
    expect(enriched.entities).toEqual([]);
    const [usable] = await process({ value: { ...article(BODY), wire: { ...wire, pubStatus: 'usable' } } } as ConsumedMessage<NormalizedArticleV1>);
    expect(EnrichedArticleV3Schema.parse(usable!.value).entities.length).toBeGreaterThan(0);
    const [unstated] = await process({ value: article(BODY) } as ConsumedMessage<NormalizedArticleV1>);
    expect(EnrichedArticleV3Schema.parse(unstated!.value).article.wire).toBeNull();
  });

  it("makes the dateline's place an entity of the story, its mention marked as the dateline's", async () => {
    const process = await handler();
    const dated = { ...article(BODY), dateline: { place: 'TOKYO', dateText: 'Jan 6', agency: 'KUNA' } };
    const [out] = await process({ value: dated } as ConsumedMessage<NormalizedArticleV1>);
    const enriched = EnrichedArticleV3Schema.parse(out!.value);
    const tokyo = enriched.entities.find((e) => e.key === 'GPE:tokyo');
    expect(tokyo?.mentions).toEqual([{ start: 0, end: 5, text: 'TOKYO', role: 'dateline', field: 'dateline' }]);
    for (const e of enriched.entities) for (const m of e.mentions) expect((m.field === 'dateline' ? 'TOKYO' : BODY).slice(m.start, m.end)).toBe(m.text);
  });

  it('refuses a body longer than EXTRACTOR_MAX_BODY_CHARS as unprocessable', async () => {
    const process = await handler(1000);
    await expect(process({ value: article(BODY.repeat(20)) } as ConsumedMessage<NormalizedArticleV1>)).rejects.toBeInstanceOf(UnprocessableDocumentError);
  });
});
