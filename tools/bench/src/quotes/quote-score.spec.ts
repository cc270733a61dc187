import { parseBrat } from './polnear';
import { scoreArticle, sourceKind, speakerMatches, totalScore } from './quote-score';

const TEXT = 'Mira Osei said, “We will win the vote.” She called it “historic.” The plan is good.';
const at = (s: string): number => TEXT.indexOf(s);
const ANN = [
  `T1\tSource ${at('Mira')} ${at('Mira') + 9}\tMira Osei`,
  `T2\tCue ${at('said')} ${at('said') + 4}\tsaid`,
  `T3\tContent ${at('“We')} ${at('.”') + 2}\t“We will win the vote.”`,
  `E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1`,
  `T4\tSource ${at('She')} ${at('She') + 3}\tShe`,
  `T5\tContent ${at('it “')} ${at('historic') + 9}\tit “historic.`,
  `E2\tAttribution:T2 Content:T5 Cue:T2 Source:T4`,
  `T6\tContent ${at('The plan')} ${at('The plan') + 16}\tThe plan is good`,
  `E3\tAttribution:T2 Content:T6 Cue:T2`,
].join('\n');

describe('PolNeAR quotes and their scoring', () => {
  it('keeps attributions whose content holds a double quotation mark, with their sources', () => {
    expect(parseBrat(TEXT, ANN).map((q) => q.source)).toEqual(['Mira Osei', 'She']);
  });

  it('reads a Content2 span as the rest of the same quote, so both quoted stretches of “A,” she said. “B.” match it', () => {
    const text = '“The vote is close,” Mira Osei said. “We will know by Friday.” The count went on.';
    const where = (s: string): number => text.indexOf(s);
    const ann = [
      `T1\tContent ${where('“The')} ${where('said') - 1}\t“The vote is close,”`,
      `T2\tSource ${where('Mira')} ${where('Mira') + 9}\tMira Osei`,
      `T3\tCue ${where('said')} ${where('said') + 4}\tsaid`,
      `T4\tContent ${where('“We')} ${where('Friday') + 8}\t“We will know by Friday.”`,
      `E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3 Content2:T4`,
    ].join('\n');
    const gold = parseBrat(text, ann);
    expect(gold).toEqual([{ content: [[where('“The'), where('said') - 1], [where('“We'), where('Friday') + 8]], source: 'Mira Osei' }]);
    const counts = scoreArticle(text, gold, [
      { start: where('The vote'), end: where('close') + 6, speakerName: 'Mira Osei' },
      { start: where('We will'), end: where('Friday') + 7, speakerName: 'Mira Osei' },
    ]);
    expect(counts).toMatchObject({ predicted: 2, predictedMatched: 2, gold: 1, goldMatched: 1, speakersRight: 1 });
  });

  it('matches by half the shorter span, and scores speakers on named sources only', () => {
    const gold = parseBrat(TEXT, ANN);
    const counts = scoreArticle(TEXT, gold, [
      { start: at('We'), end: at('.”') + 1, speakerName: 'Mira Osei' },
      { start: at('historic'), end: at('historic') + 9, speakerName: null },
      { start: at('plan'), end: at('plan') + 4, speakerName: 'Mira Osei' },
    ]);
    expect(counts).toMatchObject({ predicted: 3, predictedMatched: 2, gold: 2, goldMatched: 2, namedSources: 1, speakersRight: 1, pronounSources: 1, pronounsResolved: 0 });
    const score = totalScore([counts]);
    expect(score.quoteP).toBeCloseTo(2 / 3);
    expect(score.quoteR).toBe(1);
  });

  it('tells names from pronouns and descriptions, and matches a speaker by last name', () => {
    expect([sourceKind('The spokeswoman'), sourceKind('he'), sourceKind('Sen. Ana Ruiz (D)'), sourceKind(null)]).toEqual(['description', 'pronoun', 'name', 'none']);
    expect(speakerMatches('Ana Ruiz', 'Sen. Ruiz’s office')).toBe(true);
    expect(speakerMatches('Ana Ruiz', 'Tom Harlan')).toBe(false);
    expect(speakerMatches('Brent Ruiz III', 'Ruiz')).toBe(true);
  });
});
