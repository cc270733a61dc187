import { parseConfig } from '@wirestream/service-kit';
import { FetcherEnvSchema, feedSources } from './fetcher.config';

describe('fetcher configuration', () => {
  it('names feed sources by `id=url`, else by host', () => {
    const config = parseConfig(FetcherEnvSchema, { FETCHER_FEED_URLS: 'kuna=https://kuna.example/rss, https://wire.example.org/feed.xml' });
    expect(feedSources(config)).toEqual([
      { id: 'kuna', url: 'https://kuna.example/rss' },
      { id: 'wire.example.org', url: 'https://wire.example.org/feed.xml' },
    ]);
  });

  it('has the file-drop source off unless a directory is given', () => {
    expect(parseConfig(FetcherEnvSchema, {}).FETCHER_DROP_DIR).toBe('');
  });
});
