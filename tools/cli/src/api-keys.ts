import { API_KEY_PERMISSIONS, ApiKeyStore, createDataSource, DEFAULT_DATABASE_URL, isApiKeyPermission } from '@wirestream/db';

/**
 * `api-keys create <name> [--permit embargoed,killed] | list | revoke <name>` against DATABASE_URL, as the owner of the schema
 * (the API's own role cannot write keys). A key's token is printed once, at creation: only a salted
 * hash of it is stored.
 */
export async function apiKeys(subcommand: string | undefined, args: string[], print: (line: string) => void, databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Promise<number> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const keys = new ApiKeyStore(dataSource);
    const permitted = args.length === 3 && args[1] === '--permit' ? args[2].split(',').map((permission) => permission.trim()) : [];
    if (subcommand === 'create' && (args.length === 1 || (args.length === 3 && args[1] === '--permit'))) {
      const unknown = permitted.filter((permission) => !isApiKeyPermission(permission));
      if (unknown.length > 0) throw new ApiKeysUsageError(`unknown permission ${unknown.join(', ')}: ${API_KEY_PERMISSIONS.join(', ')}`);
      const key = await keys.create(args[0], permitted.filter(isApiKeyPermission));
      print(`created api key ${key.name} (id ${key.keyId})${permitted.length > 0 ? `, permitted to see ${permitted.join(' and ')} copy` : ''}; it is shown this once, keep it secret:`);
      print(key.token);
      return 0;
    }
    if (subcommand === 'list' && args.length === 0) {
      const listing = await keys.list();
      for (const key of listing) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'live';
        const permits = key.permissions.length > 0 ? `  permits ${key.permissions.join(',')}` : '';
        print(`${key.name.padEnd(24)} id ${key.keyId}${permits}  created ${key.createdAt.toISOString()}  last used ${key.lastUsedAt?.toISOString() ?? 'never'}  ${state}`);
      }
      print(`${listing.length} api key(s)`);
      return 0;
    }
    if (subcommand === 'revoke' && args.length === 1) {
      if (!(await keys.revoke(args[0]))) {
        print(`no live api key named ${args[0]}`);
        return 1;
      }
      print(`revoked api key ${args[0]}`);
      return 0;
    }
    throw new ApiKeysUsageError();
  } finally {
    await dataSource.destroy();
  }
}

export class ApiKeysUsageError extends Error {
  constructor(detail?: string) {
    super(`${detail ? `${detail}\n` : ''}api-keys create <name> [--permit ${API_KEY_PERMISSIONS.join(',')}] | list | revoke <name>`);
  }
}
