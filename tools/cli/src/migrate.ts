import { createDataSource, databaseConfigFromEnv, type DatabaseConfig } from '@wirestream/db';

/**
 * `npm run migration:run`: the schema's migrations on DATABASE_URL (or DATABASE_URL_FILE), each in
 * its own transaction, with one line per migration run and a one-line error that says what to do.
 */
async function main(): Promise<number> {
  let config: DatabaseConfig;
  try {
    config = databaseConfigFromEnv();
  } catch (error) {
    console.error(`migration:run: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
    return 2;
  }
  const where = describe(config.DATABASE_URL);
  const dataSource = createDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  try {
    await dataSource.initialize();
    const run = await dataSource.runMigrations({ transaction: 'each' });
    run.forEach((migration) => console.log(`migration:run: ran ${migration.name}`));
    console.log(`migration:run: ${where} is at the code's schema (${run.length} migration(s) run now)`);
    return 0;
  } catch (error) {
    console.error(`migration:run: ${where}: ${advice(error)}`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

/** host:port/database, without the credentials. */
function describe(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function advice(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = (message ?? String(error)).split('\n')[0];
  if (code === '3D000') return `${text} — create it with \`npm run infra:up\` (it creates the database DATABASE_URL names) or CREATE DATABASE`;
  if (code === 'ECONNREFUSED' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(text)) return `Postgres is not reachable (${text}) — start it, or set DATABASE_URL`;
  if (code === '28P01' || code === '28000') return `${text} — check the user and password in DATABASE_URL`;
  if (code === '42501') return `${text} — run the migrations as the schema's owner`;
  return text;
}

void main().then((code) => process.exit(code));
