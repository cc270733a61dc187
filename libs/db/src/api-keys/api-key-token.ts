import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as clients send it: `wsk_<key id>_<secret>`. The key id (12 hex digits) finds the row;
 * the secret (32 random bytes, base64url) is checked against its salted SHA-256. A slow hash
 * (scrypt) buys nothing for a secret of 256 random bits, and would cost every request.
 */
const TOKEN = /^wsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const API_KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface IssuedToken {
  keyId: string;
  secret: string;
  token: string;
}

export function issueApiKeyToken(): IssuedToken {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, token: `wsk_${keyId}_${secret}` };
}

/** The key id and secret of a well-formed token, else null (nothing worth a database lookup). */
export function parseApiKeyToken(token: string): { keyId: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

export function hashApiKeySecret(salt: Buffer, secret: string): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest();
}

/** Constant-time check of a presented secret against the stored salt and hash. */
export function secretMatches(secret: string, salt: Buffer, storedHash: Buffer): boolean {
  const presented = hashApiKeySecret(salt, secret);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}
