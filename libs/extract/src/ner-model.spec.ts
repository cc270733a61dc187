import { NerModel } from './ner-model';
import { loadModel } from './ner-model-file';
import { tagNames } from './ner-tags';
import { nerTokenize } from './ner-tokenize';

describe('the committed model’s word cache', () => {
  it('tags the same with cached per-word sums as feature by feature, across texts that refill the cache', () => {
    const committed = loadModel();
    const uncached = new NerModel(committed.header, committed.stage1, committed.stage2, 1);
    const small = new NerModel(committed.header, committed.stage1, committed.stage2, 40);
    const texts = [
      'Foreign Minister Park Jin met Antony Blinken in Seoul on Monday.',
      'Rates were held by the Bank of Korea and the Ministry of Economy and Finance.',
      'Tavita Faleolo, chief executive of Norrland Telecom, told reporters in Ostrel that the Dutch bid had failed.',
    ];
    for (const text of [...texts, ...texts]) {
      const tokens = nerTokenize(text);
      const expected = tagNames(uncached.tag(tokens));
      expect(expected.some((t) => t !== 'O')).toBe(true);
      expect(tagNames(committed.tag(tokens))).toEqual(expected);
      expect(tagNames(small.tag(tokens))).toEqual(expected);
    }
  });
});
