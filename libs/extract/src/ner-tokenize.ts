import { splitHyphenated } from './rule-recognizer';
import { tokenize, type Token } from './tokenize';

/**
 * The tokenization the trained recognizer is trained and run on: the shared tokenizer, with
 * hyphenated compounds of known names split ("Korea-US", "Seoul-based").
 */
export function nerTokenize(text: string): Token[] {
  return tokenize(text, { splitHyphenated });
}
