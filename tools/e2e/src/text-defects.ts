/** Text that was decoded wrongly or not at all. */
export const TEXT_DEFECTS: Array<[string, RegExp]> = [
  ['mojibake', /Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]|\ufffd/],
  ['an undecoded character reference', /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i],
  ['markup', /<\/?(?:p|div|br|span|a|img|b|i|em|strong|script|style|font|table|tr|td|li|ul|h[1-6])\b[^<>]*>/i],
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  ['a control character', /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/],
];

/** The first defect in `text`, as `what: "match"`, or null. */
export function textDefect(text: string): string | null {
  for (const [defect, pattern] of TEXT_DEFECTS) {
    const found = text.match(pattern);
    if (found) return `${defect}: ${JSON.stringify(found[0])}`;
  }
  return null;
}
