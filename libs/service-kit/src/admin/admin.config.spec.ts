import { parseConfig } from '@wirestream/config';
import { ServiceEnvSchema } from '../service.config';
import { AdminEnvSchema } from './admin.config';
import { tokenFingerprint, tokensMatch } from './admin-gate';

describe('safe defaults', () => {
  it('binds health, metrics and admin routes to loopback unless told otherwise, and serves no admin routes without a token', () => {
    expect(parseConfig(ServiceEnvSchema, {}).HTTP_HOST).toBe('127.0.0.1');
    const admin = parseConfig(AdminEnvSchema, {});
    expect(admin.ADMIN_HTTP_HOST).toBe('127.0.0.1');
    expect(admin.ADMIN_TOKEN).toBeUndefined();
  });

  it('refuses an admin token too short to be a secret, without echoing it', () => {
    expect(() => parseConfig(AdminEnvSchema, { ADMIN_TOKEN: 'letmein' })).toThrow(/ADMIN_TOKEN: must be at least 24 characters/);
    expect(() => parseConfig(AdminEnvSchema, { ADMIN_TOKEN: 'letmein' })).not.toThrow(/letmein/);
  });
});

describe('admin tokens', () => {
  it('match only the same token, and are logged by a fingerprint that is not the token', () => {
    const token = 'a-long-enough-admin-token-0123456789';
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokenFingerprint(token)).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(tokenFingerprint(token)).not.toContain(token.slice(0, 8));
  });
});
