import { InfraError } from '../infra-error';
import { adminConnection, databaseNamedByUrl, describeConnectError, projectDatabases } from './admin-connection';

describe('databaseNamedByUrl', () => {
  it('reads the database from the path, decoded', () => {
    expect(databaseNamedByUrl('postgres://postgres@127.0.0.1:5432/wirestream_infra')).toBe('wirestream_infra');
    expect(databaseNamedByUrl('postgresql://u:p@db/news%20desk')).toBe('news desk');
  });

  it('is null for no URL, no database, the server database, or an invalid URL', () => {
    expect(databaseNamedByUrl(undefined)).toBeNull();
    expect(databaseNamedByUrl('postgres://127.0.0.1:5432')).toBeNull();
    expect(databaseNamedByUrl('postgres://127.0.0.1:5432/postgres')).toBeNull();
    expect(databaseNamedByUrl('not a url')).toBeNull();
  });
});

describe('projectDatabases', () => {
  it('adds the database DATABASE_URL names to the project ones', () => {
    expect(projectDatabases('postgres://127.0.0.1/newsdesk')).toEqual(['wirestream', 'wirestream_test', 'newsdesk']);
  });

  it('does not list a project database twice', () => {
    expect(projectDatabases('postgres://127.0.0.1/wirestream')).toEqual(['wirestream', 'wirestream_test']);
    expect(projectDatabases(undefined)).toEqual(['wirestream', 'wirestream_test']);
  });
});

describe('adminConnection', () => {
  it('connects to the postgres database of the server DATABASE_URL names', () => {
    expect(adminConnection('postgres://app:secret@db.internal:6543/newsdesk')).toEqual({
      connectionString: 'postgres://app:secret@db.internal:6543/postgres',
      where: 'db.internal:6543',
    });
  });

  it('defaults to the local server, and to port 5432', () => {
    expect(adminConnection(undefined).where).toBe('127.0.0.1:5432');
    expect(adminConnection('postgres://db/x').where).toBe('db:5432');
  });

  it('refuses a URL that is not one, or not Postgres', () => {
    expect(() => adminConnection('db:5432')).toThrow(/DATABASE_URL must start with postgres:\/\/ \(got db:\/\/…\)/);
    expect(() => adminConnection('::')).toThrow('DATABASE_URL is not a valid URL');
    expect(() => adminConnection('mysql://db/x')).toThrow(InfraError);
  });
});

describe('describeConnectError', () => {
  const systemError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

  it('says the server is unreachable for a refused or unresolved connection', () => {
    const error = describeConnectError(systemError('ECONNREFUSED'), '127.0.0.1:5432');
    expect(error).toBeInstanceOf(InfraError);
    expect(error.message).toBe('Postgres not reachable at 127.0.0.1:5432 — start it, or set DATABASE_URL.');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('looks inside an AggregateError (a name with several addresses)', () => {
    const aggregate = new AggregateError([systemError('ECONNREFUSED'), systemError('EADDRNOTAVAIL')], '');
    expect(describeConnectError(aggregate, 'localhost:5432').message).toMatch(/^Postgres not reachable at localhost:5432/);
  });

  it('takes a timeout for unreachable', () => {
    expect(describeConnectError(new Error('Connection terminated due to connection timeout'), 'db:5432').message).toMatch(/not reachable/);
  });

  it("passes the server's own reason on otherwise", () => {
    const refused = Object.assign(new Error('password authentication failed for user "app"'), { code: '28P01' });
    expect(describeConnectError(refused, 'db:5432').message).toBe(
      'Could not connect to Postgres at db:5432: password authentication failed for user "app" — check DATABASE_URL.',
    );
  });
});
