import type { z } from 'zod';

/**
 * Validates a service's environment against its schema and returns typed settings. Every
 * problem is reported at once, with each variable's description, so a misconfigured deployment
 * fails at start with a message that says what to fix.
 */
export function parseConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const description = (schema.shape as Record<string, z.ZodType>)[name]?.description;
    return `  ${name}: ${issue.message}${description ? ` — ${description}` : ''}`;
  });
  throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
}
