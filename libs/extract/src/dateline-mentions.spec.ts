import { ExtractedEntitySchema, type ExtractedEntity } from '@wirestream/contracts';
import { createExtractor, extractArticle, extractEntities, type Recognizer } from './index';

function entity(entities: readonly ExtractedEntity[], key: string): ExtractedEntity {
  const found = entities.find((e) => e.key === key);
  if (!found) throw new Error(`no entity ${key}; got ${entities.map((e) => e.key).join(', ')}`);
  return found;
}

/** Invented copy; the dateline was moved out of it by the normalizer. */
const BODY = 'The port authority said on Monday that the new ferry line would open in spring.\n\nOfficials in Oslo welcomed the plan.';

describe('the dateline place as an entity of its story', () => {
  it('makes the dateline place an entity with a mention whose role and field say "dateline"', () => {
    const dateline = 'BERGEN';
    const entities = extractEntities(BODY, { headline: 'Ferry line to open', dateline });
    const bergen = entity(entities, 'GPE:bergen');
    expect(bergen.mentions).toEqual([{ start: 0, end: 6, text: 'BERGEN', role: 'dateline', field: 'dateline' }]);
    for (const e of entities) expect(ExtractedEntitySchema.parse(e)).toEqual(e);
  });

  it('joins the dateline place with the body’s mentions of it, body offsets unchanged', () => {
    const dateline = 'OSLO';
    const entities = extractEntities(BODY, { dateline });
    const oslo = entity(entities, 'GPE:oslo');
    expect(oslo.mentions.map((m) => [m.text, m.role, m.field ?? 'body'])).toEqual([
      ['OSLO', 'dateline', 'dateline'],
      ['Oslo', null, 'body'],
    ]);
    for (const e of entities) {
      for (const m of e.mentions) expect((m.field === 'dateline' ? dateline : BODY).slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('reads a city and country dateline as two places', () => {
    const entities = extractEntities(BODY, { dateline: 'LISBON, Portugal' });
    expect(entity(entities, 'GPE:lisbon').mentions[0]).toMatchObject({ start: 0, end: 6, role: 'dateline' });
    expect(entity(entities, 'GPE:portugal').mentions[0]).toMatchObject({ start: 8, end: 16, role: 'dateline' });
  });

  it('takes the dateline’s first part as a place when the recognizer finds none there', () => {
    const nothing: Recognizer = { version: 'none-0.0.0', recognize: () => [] };
    const entities = createExtractor(nothing)('A quiet day.', { dateline: 'PORT MORESBY, Papua New Guinea' });
    expect(entities.map((e) => [e.key, e.mentions])).toEqual([
      ['GPE:port moresby', [{ start: 0, end: 12, text: 'PORT MORESBY', role: 'dateline', field: 'dateline' }]],
    ]);
  });

  it('looks for quote speakers among the body’s mentions only', () => {
    const body = '“We are ready,” the mayor said.';
    const { entities, quotes } = extractArticle(body, { dateline: 'OSLO' });
    expect(entity(entities, 'GPE:oslo').mentions[0]?.field).toBe('dateline');
    expect(quotes.every((q) => q.speakerKey !== 'GPE:oslo')).toBe(true);
  });
});
