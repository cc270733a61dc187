import { detect } from 'tinyld';

/** Below this many characters a language guess is noise, so we say "unknown" instead. */
const MIN_CHARS = 20;
/** The opening of the body is plenty to tell its language, and keeps huge bodies cheap. */
const SAMPLE_CHARS = 600;

/** ISO 639-1 code of the body's language, or null when it is too short or unclear to tell. */
export function detectLanguage(body: string): string | null {
  const sample = body.slice(0, SAMPLE_CHARS);
  if (sample.replace(/\s+/g, '').length < MIN_CHARS) return null;
  const code = detect(sample);
  return /^[a-z]{2}$/.test(code) ? code : null;
}
