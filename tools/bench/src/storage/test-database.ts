import { localInfra } from '@wirestream/harness';

/**
 * The storage benchmarks' database: WIRESTREAM_TEST_DATABASE_URL, or the project's own test
 * database on the local server, created when missing (a fresh clone has none yet).
 */
export async function benchDatabaseUrl(log: (line: string) => void): Promise<string> {
  const configured = process.env.WIRESTREAM_TEST_DATABASE_URL;
  if (configured) return configured;
  await localInfra().ensureDatabases(['wirestream_test'], { log });
  return 'postgres://postgres@127.0.0.1:5432/wirestream_test';
}
