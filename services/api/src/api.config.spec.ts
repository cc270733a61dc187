import { parseApiConfig } from './api.config';

describe('parseApiConfig', () => {
  it('requires API keys by default, with no CORS origin', () => {
    expect(parseApiConfig({})).toMatchObject({ API_AUTH: 'keys', API_CORS_ORIGINS: [], API_DATABASE_URL: 'postgres://wirestream_api@127.0.0.1:5432/wirestream' });
  });

  it.each(['127.0.0.1', '127.0.0.53', 'localhost', '::1', '[::1]'])('allows API_AUTH=off on the loopback address %s', (host) => {
    expect(parseApiConfig({ API_AUTH: 'off', HTTP_HOST: host }).API_AUTH).toBe('off');
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', 'api.internal'])('refuses API_AUTH=off on %s, naming the variable', (host) => {
    expect(() => parseApiConfig({ API_AUTH: 'off', HTTP_HOST: host })).toThrow(new RegExp(`API_AUTH: off is refused unless HTTP_HOST is a loopback address \\(it is ${host.replace(/[.[\]]/g, '\\$&')}\\)`));
  });

  it('reads the CORS allowlist and refuses what is not an origin', () => {
    expect(parseApiConfig({ API_CORS_ORIGINS: 'https://desk.example.org, http://127.0.0.1:8080' }).API_CORS_ORIGINS).toEqual(['https://desk.example.org', 'http://127.0.0.1:8080']);
    expect(() => parseApiConfig({ API_CORS_ORIGINS: '*' })).toThrow(/API_CORS_ORIGINS/);
  });
});
