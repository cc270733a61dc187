import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { API_KEY_NAME, hashApiKeySecret, issueApiKeyToken, parseApiKeyToken, secretMatches } from './api-key-token';

/**
 * What a key may see beyond published copy, each granted explicitly (none by default):
 * 'embargoed' — stories before their embargo time, on every route;
 * 'killed' — killed and withdrawn stories (and the notices) in `GET /articles/:id` and its versions.
 */
export const API_KEY_PERMISSIONS = ['embargoed', 'killed'] as const;
export type ApiKeyPermission = (typeof API_KEY_PERMISSIONS)[number];

export function isApiKeyPermission(value: string): value is ApiKeyPermission {
  return (API_KEY_PERMISSIONS as readonly string[]).includes(value);
}

export interface ApiKeyListing {
  name: string;
  keyId: string;
  permissions: ApiKeyPermission[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Why a presented key was refused, for the log line (the client only hears 401). */
export type ApiKeyVerdict = { ok: true; name: string; keyId: string; permissions: ApiKeyPermission[] } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'wrong secret' };

/**
 * API keys in the `api_keys` table. The CLI creates, lists and revokes them as the owner; the API,
 * as its read-only role, verifies them and records when each was last used.
 */
export class ApiKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a key named `name`, with what it is permitted beyond published copy, and returns its token: shown once, never stored. */
  async create(name: string, permissions: readonly ApiKeyPermission[] = []): Promise<{ name: string; keyId: string; token: string }> {
    if (!API_KEY_NAME.test(name)) throw new Error(`api key name "${name}": letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64`);
    const unknown = permissions.filter((permission) => !isApiKeyPermission(permission));
    if (unknown.length > 0) throw new Error(`unknown api key permission ${unknown.join(', ')}: ${API_KEY_PERMISSIONS.join(', ')}`);
    const { keyId, secret, token } = issueApiKeyToken();
    const salt = randomBytes(16);
    try {
      await this.dataSource.query(`INSERT INTO api_keys (key_id, name, salt, secret_hash, permissions) VALUES ($1, $2, $3, $4, $5)`, [
        keyId,
        name,
        salt,
        hashApiKeySecret(salt, secret),
        [...new Set(permissions)].sort(),
      ]);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new Error(`an api key named "${name}" is already live: revoke it first, or choose another name`, { cause: error });
      throw error;
    }
    return { name, keyId, token };
  }

  async list(): Promise<ApiKeyListing[]> {
    const rows: Array<{ name: string; key_id: string; permissions: string[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }> = await this.dataSource.query(
      `SELECT name, key_id, permissions, created_at, last_used_at, revoked_at FROM api_keys ORDER BY created_at, key_id`,
    );
    return rows.map((row) => ({
      name: row.name,
      keyId: row.key_id,
      permissions: row.permissions.filter(isApiKeyPermission),
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }

  /** Revokes the live key named `name`; false when there is none. */
  async revoke(name: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, [name]);
    return count > 0;
  }

  async verify(token: string): Promise<ApiKeyVerdict> {
    const parsed = parseApiKeyToken(token);
    if (!parsed) return { ok: false, reason: 'malformed' };
    const [row]: Array<{ name: string; salt: Buffer; secret_hash: Buffer; revoked_at: Date | null; permissions: string[] }> = await this.dataSource.query(
      `SELECT name, salt, secret_hash, revoked_at, permissions FROM api_keys WHERE key_id = $1`,
      [parsed.keyId],
    );
    if (!row) return { ok: false, reason: 'unknown' };
    if (!secretMatches(parsed.secret, row.salt, row.secret_hash)) return { ok: false, reason: 'wrong secret' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    return { ok: true, name: row.name, keyId: parsed.keyId, permissions: row.permissions.filter(isApiKeyPermission) };
  }

  /**
   * Records that a key was used. The API's sessions are read-only by default; this one statement
   * runs in an explicit read-write transaction, and the role may update only this column.
   */
  async touch(keyId: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('START TRANSACTION READ WRITE');
      await runner.query(`UPDATE api_keys SET last_used_at = now() WHERE key_id = $1`, [keyId]);
      await runner.query('COMMIT');
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
