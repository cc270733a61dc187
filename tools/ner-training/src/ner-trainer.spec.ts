import { ModelRecognizer } from '@wirestream/extract';
import { ChunkScorer, type ConllType, type WordChunk } from './conll';
import { trainNer, type TrainingDocument, type TrainingEntity } from './ner-trainer';

/** An invented newswire world: made-up names, so the trainer cannot lean on the lexicon. */
const PEOPLE = ['Anna Kovac', 'Tomas Rell', 'Mira Osei', 'Jon Halvard', 'Ilse Marek', 'Petr Dunlo', 'Sofi Baranek', 'Luka Vrane'];
const ORGS = ['Zentrix Corp', 'Bolvar Bank', 'Norrland Telecom', 'Quell Group', 'Vesta Holdings', 'Damar Airlines'];
const PLACES = ['Varnia', 'Ostrel', 'Kelmar', 'Drisna', 'Tavel', 'Morvik'];
const GROUPS = ['Varnian', 'Ostrelian', 'Kelmari'];
const TEMPLATES = [
  '{PER} visited {LOC} on Monday .',
  'Shares in {ORG} fell after {PER} resigned .',
  '{ORG} said profits rose in {LOC} .',
  'The {MISC} delegation met {PER} in {LOC} .',
  '{PER} , chief executive of {ORG} , told reporters the deal was done .',
  'Officials in {LOC} criticised {ORG} and the {MISC} government .',
  'In {LOC} , {PER} said the talks would resume .',
];

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

function corpus(docs: number, seed: number, people: readonly string[]): TrainingDocument[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: TrainingDocument[] = [];
  for (let d = 0; d < docs; d++) {
    let text = '';
    const entities: TrainingEntity[] = [];
    for (let s = 0; s < 4; s++) {
      const template = pick(TEMPLATES);
      const parts = template.split(/(\{[A-Z]+\})/);
      for (const part of parts) {
        const slot = /^\{([A-Z]+)\}$/.exec(part)?.[1];
        if (!slot) {
          text += part;
          continue;
        }
        const [name, type] =
          slot === 'PER' ? [pick(people), 'PER'] : slot === 'ORG' ? [pick(ORGS), 'ORG'] : slot === 'LOC' ? [pick(PLACES), 'LOC'] : [pick(GROUPS), 'MISC'];
        entities.push({ start: text.length, end: text.length + name.length, type: type as TrainingEntity['type'] });
        text += name;
      }
      text += '\n';
    }
    out.push({ text, entities });
  }
  return out;
}

function f1(recognizer: ModelRecognizer, docs: readonly TrainingDocument[]): number {
  const scorer = new ChunkScorer();
  for (const doc of docs) {
    // Character spans stand in for word chunks: exact match is exact either way.
    const asChunks = (spans: readonly { start: number; end: number; type: string }[]): WordChunk[] =>
      spans.map((s) => ({ start: s.start, end: s.end, type: s.type as ConllType }));
    scorer.add(asChunks(doc.entities), asChunks(recognizer.recognizeConll(doc.text)));
  }
  return scorer.result().overall.f1;
}

describe('trainNer', () => {
  const train = corpus(40, 7, PEOPLE.slice(0, 6));
  const options = { epochs: 4, hashBits: 16, folds: 2, seed: 3 } as const;
  const result = trainNer(train, options);

  it('learns to tag held-out text, including names it never saw, from their context', () => {
    const recognizer = new ModelRecognizer(result.model);
    expect(f1(recognizer, corpus(10, 99, PEOPLE.slice(0, 6)))).toBeGreaterThan(0.95);
    expect(f1(recognizer, corpus(10, 123, PEOPLE.slice(6)))).toBeGreaterThan(0.8);
    expect(recognizer.recognizeConll('Luka Vrane visited Ostrel on Monday .').map((s) => s.type)).toEqual(['PER', 'LOC']);
  });

  it('is deterministic: the same data and options give the same bytes', () => {
    expect(trainNer(train, options).bytes).toEqual(result.bytes);
    expect(trainNer(train, { ...options, seed: 4 }).model.header.id).not.toBe(result.model.header.id);
  });

  it('reports what it trained on, and rejects an empty corpus', () => {
    expect(result.stats.documents).toBe(40);
    expect(result.stats.tokens).toBeGreaterThan(1000);
    expect(result.model.header.training).toMatchObject({ epochs: 4, folds: 2, seed: 3 });
    expect(() => trainNer([])).toThrow(/no training documents/);
  });
});
