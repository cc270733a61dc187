/** The recognizer's tags: BILOU (begin, inside, last, outside, unit) over the four CoNLL types. */

/** Model-internal entity types, in tag order. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
export const NUM_TYPES = NER_TYPES.length;
/** O, then B, I, L, U for each type. */
export const NUM_TAGS = 1 + 4 * NUM_TYPES;
export const TAG_O = 0;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export function makeTag(type: number, pos: number): number {
  return 1 + 4 * type + pos;
}
/** Entity type index of a tag, or -1 for O. */
export function tagType(tag: number): number {
  return tag === TAG_O ? -1 : (tag - 1) >> 2;
}
export function tagPos(tag: number): number {
  return (tag - 1) & 3;
}
export function tagName(tag: number): string {
  return tag === TAG_O ? 'O' : `${'BILU'.charAt(tagPos(tag))}-${NER_TYPES[tagType(tag)]}`;
}

/** Human-readable tag names, for debugging and tests. */
export function tagNames(tags: Uint8Array): string[] {
  return Array.from(tags, tagName);
}
