import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { z } from 'zod';
import { QuoteSchema } from './schemas';

/**
 * Every topic message is checked twice on its way (when produced and when consumed), and the zod
 * schemas, checked by zod, took a tenth of the extractor's and storage's time: zod walks the value
 * and builds a copy of it. The schemas stay the one definition (types, docs, JSON Schema); what
 * checks messages at the edges is the JSON Schema zod derives from them, compiled by Ajv into
 * plain code that checks the value in place: 3.5 times faster on an enriched message, and no copy.
 *
 * It behaves as zod's parse does: unknown keys are dropped (from the value itself), and the one
 * refinement the schemas have (a quote ends after it starts) is a keyword of its own. A refinement
 * added to a schema without one here is refused when its schema is compiled (codec.spec compiles every topic's), not
 * silently left unchecked. So is a union of two object schemas: Ajv drops unknown keys while it
 * tries each branch, and would drop the keys of the branch that matches (nullable objects are fine).
 */
export interface CompiledValidator {
  /** True when `value` is valid; unknown keys are removed from it. Otherwise `issues` says why. */
  check(value: unknown): boolean;
  /** The last failed check's problems, as `path: message` (at most five). */
  issues(): string[];
}

const QUOTE_ENDS_AFTER_START = 'x-wirestream-end-after-start';

/** The refinements a compiled schema carries, each as the keyword that checks it. */
const MIRRORED_REFINEMENTS = new Map<z.ZodType, string>([[QuoteSchema, QUOTE_ENDS_AFTER_START]]);

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    // zod's date-time patterns come along with the formats; the patterns are what zod checks.
    validateFormats: false,
    removeAdditional: true,
    allErrors: false,
    // Lengths as String.length counts them (UTF-16 code units): counting characters walked every
    // body. It differs from zod 4's count only for a string at its maximum holding characters
    // beyond the BMP, which is then refused: stricter, never laxer. Ajv warns that the option is
    // deprecated (it keeps it), and that warning is left out of its log.
    unicode: false,
    logger: {
      log: console.log,
      warn: (...args: unknown[]) => void (String(args[0]).includes('option unicode') || console.warn(...args)),
      error: console.error,
    },
  });
  ajv.addKeyword({
    keyword: QUOTE_ENDS_AFTER_START,
    type: 'object',
    schemaType: 'boolean',
    error: { message: 'quote end must be after start' },
    validate: (_enabled: boolean, quote: { start?: unknown; end?: unknown }) =>
      typeof quote.start !== 'number' || typeof quote.end !== 'number' || quote.end > quote.start,
  });
  return ajv;
}

const ajv = newAjv();

export function compileValidator(schema: z.ZodType): CompiledValidator {
  const jsonSchema = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'throw',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as {
        type: string;
        checks?: Array<{ _zod: { def: { check: string } } }>;
        options?: Array<{ _zod: { def: { type: string } } }>;
      };
      if (def.type === 'union' && (def.options ?? []).filter((option) => option._zod.def.type === 'object').length > 1) {
        throw new Error('a union of object schemas cannot be compiled with removeAdditional: make it one object or a discriminated schema of its own');
      }
      // zod's objects drop unknown keys; so does Ajv's removeAdditional where this is false.
      if (def.type === 'object' && ctx.jsonSchema.additionalProperties === undefined) ctx.jsonSchema.additionalProperties = false;
      if (def.checks?.some((check) => check._zod.def.check === 'custom')) {
        const keyword = MIRRORED_REFINEMENTS.get(ctx.zodSchema as unknown as z.ZodType);
        if (!keyword) throw new Error('a schema refinement has no compiled counterpart: add one to MIRRORED_REFINEMENTS');
        ctx.jsonSchema[keyword] = true;
      }
    },
  });
  const validate: ValidateFunction = ajv.compile(jsonSchema);
  return {
    check: (value) => validate(value) as boolean,
    issues: () => (validate.errors ?? []).slice(0, 5).map(describe),
  };
}

function describe(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)';
  const detail = error.keyword === 'const' ? ` ${JSON.stringify(error.params.allowedValue)}` : '';
  return `${path}: ${error.message ?? error.keyword}${detail}`;
}
