import { generateArticles } from './generate-articles';
import { generatedEventOf } from './grouping';

describe('generatedEventOf', () => {
  it("reads every generated article's event and kind back from its document address", () => {
    const articles = generateArticles({ articles: 300, entityPool: 200, syndicatedShare: 0.3, retoldShare: 0.3 });
    expect(new Set(articles.map((article) => article.kind))).toEqual(new Set(['original', 'syndicated', 'retold']));
    for (const article of articles) {
      expect(generatedEventOf(article.message.article.documentUri)).toEqual({ eventId: article.eventId, kind: article.kind });
    }
  });

  it('knows no event for an address the generator does not make', () => {
    expect(generatedEventOf('https://example.org/event-12')).toBeNull();
    expect(generatedEventOf('https://bench.example/event-12-other')).toBeNull();
  });
});
