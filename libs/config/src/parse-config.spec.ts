import { z } from 'zod';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invalidConfiguration, parseConfig } from './parse-config';

describe('parseConfig', () => {
  const schema = z.object({
    PORT: z.coerce.number().int().min(1).default(3000).describe('Port to listen on.'),
    MODE: z.enum(['a', 'b']).describe('Which mode.'),
  });

  it('returns typed settings with defaults applied', () => {
    expect(parseConfig(schema, { MODE: 'a' })).toEqual({ PORT: 3000, MODE: 'a' });
  });

  it('reports every invalid variable with its description', () => {
    expect(() => parseConfig(schema, { PORT: '-1' })).toThrow(/PORT: .*Port to listen on\.[\s\S]*MODE: .*Which mode\./);
  });
});

describe('parseConfig with NAME_FILE', () => {
  const schema = z.object({ TOKEN: z.string().min(8).describe('A secret.'), MODE: z.string().default('a') });
  const dir = mkdtempSync(path.join(tmpdir(), 'parse-config-'));
  const file = (name: string, content: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };

  it('reads a variable from the file NAME_FILE names, less one trailing newline', () => {
    expect(parseConfig(schema, { TOKEN_FILE: file('token', 'secret-value-1\n') })).toEqual({ TOKEN: 'secret-value-1', MODE: 'a' });
  });

  it('validates the file content like the variable itself', () => {
    expect(() => parseConfig(schema, { TOKEN_FILE: file('short', 'abc\n') })).toThrow(/TOKEN: .*A secret\./);
  });

  it('refuses NAME and NAME_FILE together, and a file it cannot read, naming the variable', () => {
    expect(() => parseConfig(schema, { TOKEN: 'secret-value-1', TOKEN_FILE: file('both', 'secret-value-2') })).toThrow(/TOKEN_FILE: set either TOKEN or TOKEN_FILE, not both/);
    expect(() => parseConfig(schema, { TOKEN_FILE: path.join(dir, 'missing') })).toThrow(/TOKEN_FILE: cannot read .*missing \(ENOENT\)/);
  });

  it("leaves a schema's own NAME_FILE variable alone", () => {
    const withPortFile = z.object({ PORT: z.coerce.number().optional(), PORT_FILE: z.string().optional() });
    expect(parseConfig(withPortFile, { PORT: '0', PORT_FILE: '/tmp/port' })).toEqual({ PORT: 0, PORT_FILE: '/tmp/port' });
  });
});

describe('parseConfig problem lines', () => {
  it('give the value found and the default as an example of a good one', () => {
    const schema = z.object({ POLL_MS: z.coerce.number().int().min(100).default(1000).describe('How often to poll, in ms.') });
    expect(() => parseConfig(schema, { POLL_MS: 'soon' })).toThrow(/POLL_MS: .* \(got "soon"\) — How often to poll, in ms\. The default is POLL_MS=1000\./);
  });

  it('never echo a secret or a URL that may carry a password', () => {
    const schema = z.object({ ADMIN_TOKEN: z.string().min(24), DATABASE_URL: z.url() });
    let message = '';
    try {
      parseConfig(schema, { ADMIN_TOKEN: 'short-secret', DATABASE_URL: 'postgres://u:hunter2@ nope' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/ADMIN_TOKEN/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toMatch(/short-secret|hunter2/);
  });
});

describe('invalidConfiguration', () => {
  it('makes the same message as parseConfig: a heading, then one indented line per problem', () => {
    expect(invalidConfiguration(['A: wrong', 'B_FILE: cannot read /x (ENOENT)']).message).toBe('Invalid configuration:\n  A: wrong\n  B_FILE: cannot read /x (ENOENT)');
    expect(() => parseConfig(z.object({ A: z.string() }), {})).toThrow(/^Invalid configuration:\n {2}A: /);
  });
});
