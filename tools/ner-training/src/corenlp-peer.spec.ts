import { ioChunks } from './corenlp-peer';

describe('CoreNLP peer', () => {
  it('reads IO tags as chunks: a run of one type, ended by another type, O or a sentence start', () => {
    const guesses = ['PER', 'PER', null, 'LOC', 'ORG', 'ORG', 'ORG', 'MISC'] as const;
    expect(ioChunks(guesses, new Set([0, 6]))).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'ORG' },
      { start: 6, end: 7, type: 'ORG' },
      { start: 7, end: 8, type: 'MISC' },
    ]);
    expect(ioChunks([null, null], new Set([0]))).toEqual([]);
  });
});
