import { BoilerplateHashes } from './boilerplate-hashes';

describe('BoilerplateHashes', () => {
  const rows = (hash: number, stories: number) => Array.from({ length: stories }, (_, index) => ({ articleId: `a${index}`, storyId: String(index), sketch: [hash, 1000 + index] }));

  it('learns a hash carried by articles of more stories than the limit, and only an asked one', () => {
    const boilerplate = new BoilerplateHashes(3);
    expect(boilerplate.learn(rows(5, 3), new Set([5]))).toBe(false);
    expect(boilerplate.has(5)).toBe(false);
    expect(boilerplate.learn(rows(5, 4), new Set([5]))).toBe(true);
    expect(boilerplate.has(5)).toBe(true);
    expect(boilerplate.has(1000)).toBe(false);
  });

  it('counts copies of one story once, and each article without a story as its own', () => {
    const boilerplate = new BoilerplateHashes(1);
    const copies = [1, 2, 3].map((index) => ({ articleId: `c${index}`, storyId: '9', sketch: [7] }));
    expect(boilerplate.learn(copies, new Set([7]))).toBe(false);
    expect(boilerplate.learn([...copies, { articleId: 'x', storyId: null, sketch: [7] }], new Set([7]))).toBe(true);
  });

  it('starts over when it remembers as many hashes as it may', () => {
    const boilerplate = new BoilerplateHashes(0, 1);
    boilerplate.learn(rows(5, 1), new Set([5]));
    boilerplate.learn(rows(6, 1), new Set([6]));
    expect([boilerplate.has(5), boilerplate.has(6)]).toEqual([false, true]);
  });
});
