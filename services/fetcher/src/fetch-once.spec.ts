import { parseFetchOnceArgs } from './fetch-once';

describe('parseFetchOnceArgs', () => {
  it('reads the target and every option', () => {
    expect(parseFetchOnceArgs(['https://example.com/feed.xml', '--source', 'wire', '--allow', 'loopback, private', '--follow-pages', '--feed'])).toEqual({
      target: 'https://example.com/feed.xml',
      sourceId: 'wire',
      allowAddressRanges: ['loopback', 'private'],
      followArticlePages: true,
      feed: true,
    });
    expect(parseFetchOnceArgs(['--source=drop', 'stories/'])).toEqual({ target: 'stories/', sourceId: 'drop', allowAddressRanges: [], followArticlePages: false, feed: false });
  });

  it.each([
    [[], /no URL or path given/],
    [['a.xml', 'b.xml'], /one source at a time \(got a.xml and b.xml\)/],
    [['a.xml', '--source'], /argument missing/],
    [['a.xml', '--source='], /--source needs an id/],
    [['a.xml', '--follow'], /Unknown option '--follow'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseFetchOnceArgs(argv)).toThrow(message);
  });
});
