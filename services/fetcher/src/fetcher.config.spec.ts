import { MAX_MESSAGE_BYTES } from '@wirestream/contracts';
import { parseConfig } from '@wirestream/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FetcherEnvSchema } from './fetcher.config';
import { configuredSources } from './configured-sources';
import { loadSourcesFile, SourceRegistry } from './source-registry';

describe('fetcher configuration', () => {
  it('names feed sources by `id=url`, else by host, with the allowed address ranges', () => {
    const config = parseConfig(FetcherEnvSchema, { FETCHER_FEED_URLS: 'kuna=https://kuna.example/rss, https://wire.example.org/feed.xml', FETCHER_FEED_ALLOW_ADDRESS_RANGES: 'loopback' });
    expect(configuredSources(config).map((source) => [source.id, source.kind, 'url' in source ? source.url : null, 'allowAddressRanges' in source ? source.allowAddressRanges : null])).toEqual([
      ['kuna', 'feed', 'https://kuna.example/rss', ['loopback']],
      ['wire.example.org', 'feed', 'https://wire.example.org/feed.xml', ['loopback']],
    ]);
  });

  it('names a feed URL with a port and no id by host and port', () => {
    const config = parseConfig(FetcherEnvSchema, { FETCHER_FEED_URLS: 'http://127.0.0.1:8765/x.rss' });
    expect(configuredSources(config).map((source) => source.id)).toEqual(['127.0.0.1-8765']);
  });

  it.each([
    ['notaurl', /FETCHER_FEED_URLS: "notaurl" is not an http\(s\) URL: e\.g\. kuna=https:\/\/www\.kuna\.net\.kw\/rss/],
    ['ftp://wire.example/feed', /FETCHER_FEED_URLS: "ftp:\/\/wire\.example\/feed" is not an http\(s\) URL/],
    ['bad id!=https://wire.example/feed', /FETCHER_FEED_URLS: "bad id!=https:\/\/wire\.example\/feed": the source id "bad id!" must be letters/],
  ])('refuses FETCHER_FEED_URLS=%j in one line naming the variable', (value, message) => {
    expect(() => parseConfig(FetcherEnvSchema, { FETCHER_FEED_URLS: value })).toThrow(message);
  });

  it('refuses an unknown address range in FETCHER_FEED_ALLOW_ADDRESS_RANGES', () => {
    expect(() => parseConfig(FetcherEnvSchema, { FETCHER_FEED_ALLOW_ADDRESS_RANGES: 'loopback,everything' })).toThrow(/FETCHER_FEED_ALLOW_ADDRESS_RANGES/);
  });

  it('translates FETCHER_DROP_DIR into a file-drop source with its id and scan interval', () => {
    const config = parseConfig(FetcherEnvSchema, { FETCHER_DROP_DIR: 'drop', FETCHER_DROP_SOURCE_ID: 'desk', FETCHER_DROP_POLL_MS: '500' });
    expect(configuredSources(config)).toEqual([{ id: 'desk', kind: 'file-drop', path: path.resolve('drop'), pollIntervalMs: 500, limits: {} }]);
  });

  it('has the file-drop source off unless a directory is given', () => {
    const config = parseConfig(FetcherEnvSchema, {});
    expect(config.FETCHER_DROP_DIR).toBe('');
    expect(configuredSources(config)).toEqual([]);
    expect(config.FETCHER_STATE_DATABASE_URL).toBe('');
  });

  it('accepts no document limit larger than a Kafka message, for the service or a source', () => {
    expect(() => parseConfig(FetcherEnvSchema, { FETCHER_MAX_DOCUMENT_BYTES: String(MAX_MESSAGE_BYTES) })).not.toThrow();
    expect(() => parseConfig(FetcherEnvSchema, { FETCHER_MAX_DOCUMENT_BYTES: String(MAX_MESSAGE_BYTES + 1) })).toThrow(/FETCHER_MAX_DOCUMENT_BYTES/);
    expect(() => new SourceRegistry([]).add({ id: 'a', kind: 'feed', url: 'https://a.example/', limits: { maxBytes: MAX_MESSAGE_BYTES + 1 } })).toThrow(/maxBytes/);
  });
});

describe('sources file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wirestream-sources-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads YAML sources with defaults, resolving drop paths against the file', () => {
    const file = write(
      'sources.yaml',
      [
        'sources:',
        '  - { id: kuna, kind: feed, url: "https://kuna.example/rss", pollIntervalMs: 60000, followArticlePages: true, limits: { maxBytes: 2097152 } }',
        '  - { id: g2, kind: document, url: "http://127.0.0.1:8080/g2.xml", allowAddressRanges: [loopback] }',
        '  - { id: drop, kind: file-drop, path: ./drop }',
      ].join('\n'),
    );
    expect(loadSourcesFile(file)).toEqual([
      { id: 'kuna', kind: 'feed', url: 'https://kuna.example/rss', pollIntervalMs: 60000, followArticlePages: true, allowAddressRanges: [], limits: { maxBytes: 2097152 } },
      { id: 'g2', kind: 'document', url: 'http://127.0.0.1:8080/g2.xml', followArticlePages: false, allowAddressRanges: ['loopback'], limits: {} },
      { id: 'drop', kind: 'file-drop', path: path.join(dir, 'drop'), limits: {} },
    ]);
  });

  it('reads JSON too, and refuses invalid entries naming them', () => {
    expect(loadSourcesFile(write('s.json', '{"sources":[{"id":"a","kind":"feed","url":"https://a.example/"}]}'))).toHaveLength(1);
    expect(() => loadSourcesFile(write('bad.yaml', 'sources:\n  - { id: a, kind: feed, url: "ftp://a.example/" }\n'))).toThrow(/sources file .*bad.yaml is invalid/);
    expect(() => loadSourcesFile(write('bad2.yaml', 'sources:\n  - { id: a, kind: feed, url: "https://a.example/", allowAddressRanges: [everything] }\n'))).toThrow(/allowAddressRanges/);
    expect(() => loadSourcesFile(write('bad3.yaml', 'sources:\n  - { id: a, kind: carrier-pigeon, url: "https://a.example/" }\n'))).toThrow(/invalid/);
  });

  it('is read with the older variables, the file first: one list the registry starts with', () => {
    const file = write('with-variables.yaml', 'sources:\n  - { id: kuna, kind: feed, url: "https://kuna.example/rss" }\n');
    const config = parseConfig(FetcherEnvSchema, { FETCHER_SOURCES_FILE: file, FETCHER_FEED_URLS: 'https://wire.example/feed', FETCHER_DROP_DIR: dir });
    expect(configuredSources(config).map((source) => [source.id, source.kind])).toEqual([
      ['kuna', 'feed'],
      ['wire.example', 'feed'],
      ['file-drop', 'file-drop'],
    ]);
  });

  it('refuses a second source with a taken id, and tells listeners about added ones', () => {
    const registry = new SourceRegistry([{ id: 'a', kind: 'feed', url: 'https://a.example/', followArticlePages: false, allowAddressRanges: [], limits: {} }]);
    const added: string[] = [];
    registry.onAdded((source) => added.push(source.id));
    expect(() => registry.add({ id: 'a', kind: 'feed', url: 'https://b.example/' })).toThrow('source id "a" is already in use');
    registry.add({ id: 'b', kind: 'document', url: 'https://b.example/x.xml' });
    expect(added).toEqual(['b']);
    expect(registry.list().map((source) => source.id)).toEqual(['a', 'b']);
  });
});
