import { z } from 'zod';

export const ExtractorEnvSchema = z.object({
  EXTRACTOR_MAX_BODY_CHARS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(500_000)
    .describe('Longest article body the extractor analyses; longer ones are dead-lettered (recognition cost grows with length).'),
});

export type ExtractorConfig = z.infer<typeof ExtractorEnvSchema>;
export const EXTRACTOR_CONFIG = Symbol('EXTRACTOR_CONFIG');
