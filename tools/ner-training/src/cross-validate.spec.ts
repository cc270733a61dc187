import type { ConllDocument } from './conll';
import { crossValidate, foldOf } from './cross-validate';

// Invented documents: made-up people and places in a few sentence patterns.
const PEOPLE = [['Anna', 'Kovac'], ['Tomas', 'Rell'], ['Mira', 'Osei'], ['Jon', 'Halvard'], ['Ilse', 'Marek']];
const PLACES = ['Varnia', 'Ostrel', 'Kelmar', 'Drisna'];

function document(d: number): ConllDocument {
  const words: string[] = [];
  const tags: string[] = [];
  const sentenceStarts: number[] = [];
  for (let s = 0; s < 6; s++) {
    const person = PEOPLE[(d + s) % PEOPLE.length] as string[];
    const place = PLACES[(d * 3 + s) % PLACES.length] as string;
    sentenceStarts.push(words.length);
    const sentence: [string, string][] = s % 2 === 0
      ? [[person[0] as string, 'I-PER'], [person[1] as string, 'I-PER'], ['visited', 'O'], [place, 'I-LOC'], ['on', 'O'], ['Monday', 'O'], ['.', 'O']]
      : [['In', 'O'], [place, 'I-LOC'], [',', 'O'], [person[0] as string, 'I-PER'], [person[1] as string, 'I-PER'], ['said', 'O'], ['so', 'O'], ['.', 'O']];
    for (const [w, t] of sentence) {
      words.push(w);
      tags.push(t);
    }
  }
  return { words, tags, sentenceStarts };
}

describe('cross-validation', () => {
  it('cuts documents into contiguous blocks of nearly equal size', () => {
    const folds = Array.from({ length: 10 }, (_, d) => foldOf(d, 10, 3));
    expect(folds).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('trains on k - 1 blocks, scores the block left out, and pools every gold entity once', () => {
    const docs = Array.from({ length: 12 }, (_, d) => document(d));
    const cv = crossValidate(docs, 3, { epochs: 3, folds: 2, hashBits: 12 }, (recognizer, text) => recognizer.recognizeConll(text));
    expect(cv.foldF1).toHaveLength(3);
    // 12 documents × 6 sentences, one person and one place each.
    expect(cv.result.overall.gold).toBe(144);
    expect(cv.result.perType.PER.gold).toBe(72);
    expect(cv.result.overall.f1).toBeGreaterThan(0.8);
    expect(() => crossValidate(docs, 1, {}, (r, t) => r.recognizeConll(t))).toThrow(/folds/);
  });
});
