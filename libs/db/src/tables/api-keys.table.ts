import { column, defineTable, type RowOf } from './define-table';

/** Query API keys: only a salted hash of each secret is kept. */
export const API_KEYS_TABLE = defineTable('api_keys', {
  key_id: column('varchar'),
  name: column('text'),
  salt: column('bytea'),
  secret_hash: column('bytea'),
  created_at: column('timestamptz'),
  /** Written at most once a minute per key. */
  last_used_at: column('timestamptz', { nullable: true }),
  revoked_at: column('timestamptz', { nullable: true }),
  /** What the key may see beyond published copy: 'embargoed', 'killed' (see ApiKeyPermission). */
  permissions: column('_text'),
});

export type ApiKeyRow = RowOf<typeof API_KEYS_TABLE>;
