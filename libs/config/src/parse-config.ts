import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { variableDefault } from './config-variables';

/**
 * Validates a service's environment against its schema and returns typed settings. Every
 * problem is reported at once, with each variable's description, so a misconfigured deployment
 * fails at start with a message that says what to fix. Any variable may instead be given as a
 * file (see withFileVariables), the way Kubernetes and Docker mount secrets.
 */
export function parseConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const { values, problems: fileProblems } = withFileVariables(Object.keys(schema.shape), env);
  const parsed = schema.safeParse(values);
  const problems = [...fileProblems];
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const field = (schema.shape as Record<string, z.ZodType>)[name];
        // The default is a good example of a value; an empty one is none.
        const example = field ? variableDefault(field) : undefined;
        // Secrets and URLs (which may carry a password) are never echoed into a log.
        const secret = /TOKEN|PASSWORD|SECRET|KEY|URL/i.test(name);
        const given = typeof values[name] === 'string' && !secret ? ` (got ${JSON.stringify(values[name]!.length > 80 ? `${values[name]!.slice(0, 80)}…` : values[name])})` : '';
        return `${name}: ${issue.message}${given}${field?.description ? ` — ${field.description}` : ''}${example ? ` The default is ${name}=${example}.` : ''}`;
      }),
    );
  }
  if (problems.length > 0 || !parsed.success) throw invalidConfiguration(problems);
  return parsed.data;
}

/**
 * The one error a configuration problem makes: `Invalid configuration:` then one indented line per
 * problem, each starting with the variable it names. For checks a schema cannot make itself (a file
 * to read, one variable against another's), so they read like parseConfig's own.
 */
export function invalidConfiguration(problems: string[]): Error {
  return new Error(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
}

/**
 * The environment with `NAME_FILE` read into `NAME` for each of `names`: the file's content, less
 * one trailing newline. Secrets (tokens, passwords, database URLs with passwords) then live in
 * mounted files rather than in the process environment, where child processes and crash reports
 * see them. Setting both `NAME` and `NAME_FILE` is a problem, as is a file that cannot be read.
 * Where the schema itself has a `NAME_FILE` variable, that one keeps its own meaning.
 */
export function withFileVariables(
  names: string[],
  env: NodeJS.ProcessEnv,
  /** Reads a file's text; throws to say why it cannot (the manifest checks read Kubernetes volumes this way). */
  readText: (file: string) => string = readFileText,
): { values: NodeJS.ProcessEnv; problems: string[] } {
  const values: NodeJS.ProcessEnv = { ...env };
  const problems: string[] = [];
  for (const name of names) {
    // A schema's own NAME_FILE setting (HTTP_PORT_FILE: where to write the port) is not this.
    if (names.includes(`${name}_FILE`)) continue;
    const file = env[`${name}_FILE`];
    if (file === undefined || file === '') continue;
    if (env[name] !== undefined && env[name] !== '') {
      problems.push(`${name}_FILE: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      values[name] = readText(file).replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(`${name}_FILE: ${(error as Error).message}`);
    }
  }
  return { values, problems };
}

function readFileText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}
