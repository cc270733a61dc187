import { ChunkScorer, chunksOf, documentText, parseConll, spanToWords, spansToChunks, trainingDocument } from './conll';

const SAMPLE = [
  '-DOCSTART- -X- O O',
  '',
  'EU NNP I-NP I-ORG',
  'rejects VBZ I-VP O',
  'German JJ I-NP I-MISC',
  'call NN I-NP O',
  '. . O O',
  '',
  'Peter NNP I-NP I-PER',
  'Blackburn NNP I-NP I-PER',
  "'s POS B-NP O",
  'Ajax NNP I-NP I-ORG',
  'Amsterdam NNP I-NP B-ORG',
  ', , O O',
  '',
  '-DOCSTART- -X- O O',
  '',
  'New NNP I-NP I-LOC',
  'York NNP I-NP I-LOC',
  'Paris NNP I-NP I-PER',
  '',
].join('\n');

describe('parseConll', () => {
  it('splits documents at -DOCSTART- and sentences at blank lines, keeping the last column as the tag', () => {
    const docs = parseConll(SAMPLE);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.words).toEqual(['EU', 'rejects', 'German', 'call', '.', 'Peter', 'Blackburn', "'s", 'Ajax', 'Amsterdam', ',']);
    expect(docs[0]!.sentenceStarts).toEqual([0, 5]);
    expect(docs[0]!.tags[9]).toBe('B-ORG');
  });

  it('reads IOB1 chunks as conlleval does: B- starts a new chunk, a type change starts one, sentences never share one', () => {
    const [first, second] = parseConll(SAMPLE);
    expect(chunksOf(first!)).toEqual([
      { start: 0, end: 1, type: 'ORG' },
      { start: 2, end: 3, type: 'MISC' },
      { start: 5, end: 7, type: 'PER' },
      { start: 8, end: 9, type: 'ORG' },
      { start: 9, end: 10, type: 'ORG' },
    ]);
    expect(chunksOf(second!)).toEqual([
      { start: 0, end: 2, type: 'LOC' },
      { start: 2, end: 3, type: 'PER' },
    ]);
  });
});

describe('documentText', () => {
  it('rebuilds running text with one sentence per line, glued punctuation and possessives, and word offsets', () => {
    const [doc] = parseConll(SAMPLE);
    const dt = documentText(doc!);
    expect(dt.text).toBe("EU rejects German call .\nPeter Blackburn's Ajax Amsterdam,");
    doc!.words.forEach((w, i) => expect(dt.text.slice(dt.wordStarts[i], dt.wordEnds[i])).toBe(w));
  });

  it('maps character spans back to words by the words holding their first and last characters', () => {
    const [doc] = parseConll(SAMPLE);
    const dt = documentText(doc!);
    const start = dt.text.indexOf('Peter');
    expect(spanToWords(dt, start, start + 'Peter Blackburn'.length)).toEqual({ start: 5, end: 7 });
    expect(spansToChunks(dt, [{ start: 0, end: 2, type: 'ORG' }])).toEqual([{ start: 0, end: 1, type: 'ORG' }]);
  });

  it('gives the trainer gold character spans', () => {
    const [doc] = parseConll(SAMPLE);
    const { text, entities } = trainingDocument(doc!);
    expect(entities.map((e) => [text.slice(e.start, e.end), e.type])).toEqual([
      ['EU', 'ORG'],
      ['German', 'MISC'],
      ['Peter Blackburn', 'PER'],
      ['Ajax', 'ORG'],
      ['Amsterdam', 'ORG'],
    ]);
  });
});

describe('ChunkScorer', () => {
  it('counts only exact span-and-type matches, per type and overall', () => {
    const scorer = new ChunkScorer();
    scorer.add(
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 4, type: 'LOC' },
        { start: 5, end: 6, type: 'ORG' },
      ],
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 4, type: 'ORG' },
        { start: 5, end: 7, type: 'ORG' },
        { start: 8, end: 9, type: 'MISC' },
      ],
    );
    const { overall, perType } = scorer.result();
    expect(overall).toMatchObject({ gold: 3, predicted: 4, correct: 1 });
    expect(overall.precision).toBeCloseTo(0.25);
    expect(overall.recall).toBeCloseTo(1 / 3);
    expect(overall.f1).toBeCloseTo((2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3));
    expect(perType.PER).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(perType.LOC).toMatchObject({ gold: 1, predicted: 0, f1: 0 });
    expect(perType.ORG).toMatchObject({ gold: 1, predicted: 2, correct: 0 });
  });
});
