import { randomBytes } from 'node:crypto';
import { hashApiKeySecret, issueApiKeyToken, parseApiKeyToken, secretMatches } from './api-key-token';

describe('API key tokens', () => {
  it('issues tokens that parse back into their key id and secret, and differ each time', () => {
    const first = issueApiKeyToken();
    const second = issueApiKeyToken();
    expect(parseApiKeyToken(first.token)).toEqual({ keyId: first.keyId, secret: first.secret });
    expect(first.token).not.toBe(second.token);
    expect(first.secret).toHaveLength(43);
  });

  it.each(['', 'wsk_', 'Bearer wsk_0123456789ab_x', `wsk_0123456789AB_${'a'.repeat(43)}`, `wsk_0123456789ab_${'a'.repeat(42)}`, `wsk_0123456789ab_${'a'.repeat(43)}\u0000`])(
    'refuses the malformed token %j',
    (token) => {
      expect(parseApiKeyToken(token)).toBeNull();
    },
  );

  it('matches the secret it hashed, under its salt only', () => {
    const { secret } = issueApiKeyToken();
    const salt = randomBytes(16);
    const stored = hashApiKeySecret(salt, secret);
    expect(secretMatches(secret, salt, stored)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}A` === secret ? `${secret.slice(0, -1)}B` : `${secret.slice(0, -1)}A`, salt, stored)).toBe(false);
    expect(secretMatches(secret, randomBytes(16), stored)).toBe(false);
  });
});
