import { containsMarkup, markupToText } from './markup-text';

/**
 * Property: whatever random HTML fragment goes in (nested and unclosed elements, attributes with
 * quotes and angle brackets, references, comments, scripts whose code looks like tags, truncated
 * tags at the end), the text that comes out holds no '<', no character reference, no control
 * character but tab and newline, and nothing that was only inside an attribute, a comment or a
 * dropped element. Sound because the generator never writes a '<' or '&' into a text node, and no
 * reference it writes decodes to '<' or leaves an '&' that could start another one.
 *
 * A seeded generator (mulberry32), so every run sees the same cases; a failure prints its case.
 */

const CASES = 600;
const PLAIN_CASES = 200;
const SEED = 0x5eed_2025;

/** Only ever inside attributes, comments or dropped elements: must never reach the text. */
const HIDDEN = 'zzhidden';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Generator {
  constructor(private readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)]!;
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }
}

/** Elements whose content is kept (xmp and plaintext left out: HTML shows their markup as text). */
const VISIBLE_TAGS = [
  'p', 'div', 'span', 'b', 'i', 'em', 'strong', 'a', 'font', 'blink', 'marquee', 'center', 'li', 'ul', 'ol', 'table', 'tr',
  'td', 'th', 'pre', 'h1', 'h3', 'blockquote', 'section', 'article', 'header', 'footer', 'nav', 'dl', 'dt', 'dd', 'figure',
  'form', 'label', 'custom-tag', 'o:p', 'x', 'Q', 'sPaN',
];
const VOID_TAGS = ['br', 'hr', 'img', 'wbr', 'input', 'meta', 'link', 'embed', 'source'];
/** Dropped, content parsed as markup. */
const DROPPED_TAGS = ['template', 'svg', 'math', 'object', 'select', 'option', 'button', 'head', 'video', 'audio', 'canvas', 'noscript'];
/** Dropped, content raw text up to the end tag. */
const RAW_DROPPED_TAGS = ['script', 'style', 'iframe', 'textarea', 'title', 'noembed', 'noframes'];
const ATTRIBUTE_NAMES = ['class', 'id', 'href', 'title', 'alt', 'data-x', 'style', 'onclick', 'src', 'color'];
/** References that decode to neither '<' nor '&' (so none can build a new reference with what follows). */
const REFERENCES = [
  '&gt;', '&quot;', '&apos;', '&nbsp;', '&eacute;', '&copy;', '&mdash;', '&hellip;', '&euro;', '&rsquo;', '&#8220;', '&#8221;',
  '&#146;', '&#128;', '&#150;', '&#153;', '&#129;', '&#141;', '&#157;', '&#159;', '&#1;', '&#0;', '&#x7f;', '&#x85;', '&#x2014;',
  '&#X201C;', '&#233;', '&#x10FFFF;', '&#xD800;', '&#99999999;', '&amp; ', '&#38; ', '&AMP; ',
];
const WORDS = ['harbour', 'council', 'rates', 'Oslo', 'café', '東京', 'a>b', 'x;y', '#1', '"quoted"', "it's", '=', '42%', '--', '/'];
const SPACES = [' ', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u3000'];
const CONTROLS = ['\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u0090', '\u009f'];

function textNode(g: Generator): string {
  const parts: string[] = [];
  for (let index = 1 + g.int(5); index > 0; index--) {
    const roll = g.int(10);
    if (roll < 5) parts.push(g.pick(WORDS));
    else if (roll < 7) parts.push(g.pick(SPACES));
    else if (roll < 9) parts.push(g.pick(REFERENCES));
    else parts.push(g.pick(CONTROLS));
  }
  return parts.join('');
}

function attributes(g: Generator): string {
  const parts: string[] = [];
  for (let index = g.int(4); index > 0; index--) {
    const name = g.pick(ATTRIBUTE_NAMES);
    const value = g.pick([`${HIDDEN} <b>x</b> & &amp; a>b`, `it's ${HIDDEN}`, `say "${HIDDEN}"`, `${HIDDEN}`, '']);
    switch (g.int(5)) {
      case 0:
        parts.push(` ${name}="${value.replace(/"/g, '&quot;')}"`);
        break;
      case 1:
        parts.push(` ${name}='${value.replace(/'/g, '&#39;')}'`);
        break;
      case 2:
        parts.push(` ${name}=${HIDDEN}-${g.int(100)}`);
        break;
      case 3:
        parts.push(` ${name}`);
        break;
      default:
        parts.push(`\n\t${name} = "${value.replace(/"/g, '')}"`);
    }
  }
  return parts.join('');
}

function rawContent(g: Generator, tag: string): string {
  const pieces = [
    HIDDEN,
    ' if (a<b && c>d) { document.write("<p>" + x + "</p>"); }',
    ' <div class="zzhidden">inside</div>',
    ' var s = "<scr" + "ipt>";',
    ' <!-- not a comment here -->',
    ' &lt;b&gt; &amp; ',
    ` </${tag}x> `,
  ];
  return HIDDEN + Array.from({ length: 1 + g.int(4) }, () => g.pick(pieces)).join('');
}

function comment(g: Generator): string {
  return g.pick([
    `<!-- ${HIDDEN} -->`,
    `<!--<p>${HIDDEN}</p>-->`,
    `<!--[if IE]><p>${HIDDEN}</p><![endif]-->`,
    `<!---->`,
    `<!-- a -- b ${HIDDEN} -->`,
    `<!-- <script>${HIDDEN}</script> -->`,
  ]);
}

function content(g: Generator, depth: number): string {
  const parts: string[] = [];
  for (let index = g.int(depth > 3 ? 2 : 6); index >= 0; index--) {
    const roll = g.int(20);
    if (roll < 7) parts.push(textNode(g));
    else if (roll < 12 && depth < 5) {
      const tag = g.pick(VISIBLE_TAGS);
      const close = g.chance(0.75) ? `</${tag}>` : '';
      parts.push(`<${tag}${attributes(g)}>${content(g, depth + 1)}${close}`);
    } else if (roll < 14) parts.push(`<${g.pick(VOID_TAGS)}${attributes(g)}${g.pick(['', '/', ' /'])}>`);
    else if (roll < 16 && depth < 5) {
      // The hidden text comes first, before any child element could close the dropped one implicitly.
      const tag = g.pick(DROPPED_TAGS);
      parts.push(`<${tag}${attributes(g)}>${HIDDEN}${content(g, depth + 1)}${g.chance(0.8) ? `</${tag}>` : ''}`);
    } else if (roll < 18) {
      const tag = g.pick(RAW_DROPPED_TAGS);
      parts.push(`<${tag}${attributes(g)}>${rawContent(g, tag)}</${tag}>`);
    } else if (roll < 19) parts.push(comment(g));
    else parts.push(g.pick([`</${g.pick(VISIBLE_TAGS)}>`, '</>', `<!DOCTYPE html>`, `<?xml version="1.0"?>`, `<![CDATA[${HIDDEN}]]>`]));
  }
  return parts.join('');
}

/** Sometimes the fragment ends inside a tag, comment or raw-text element. */
function truncatedEnding(g: Generator): string {
  return g.pick([
    '',
    '',
    '',
    `<div class="${HIDDEN}`,
    `<span title='${HIDDEN}`,
    `<p`,
    `</div`,
    `<!-- ${HIDDEN}`,
    `<script>${HIDDEN} <p>x</p>`,
    `<style>${HIDDEN}`,
    `<textarea>${HIDDEN}`,
  ]);
}

const LEFTOVER_REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9a-f]+);/i;
// eslint-disable-next-line no-control-regex -- the property is about control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Plain text: words, spaces, line breaks, controls, references, and a '<' or '&' that is no markup. */
function plainText(g: Generator): string {
  return Array.from({ length: 1 + g.int(8) }, () => (g.chance(0.3) ? g.pick([' < ', '<3', ' & ', 'AT&T', '\n\n', '\n  ']) : textNode(g))).join('');
}

describe('markupToText on random HTML fragments (seeded property test)', () => {
  const g = new Generator(mulberry32(SEED));
  const fragments = Array.from({ length: CASES }, () => content(g, 0) + truncatedEnding(g));
  const plainTexts = Array.from({ length: PLAIN_CASES }, () => plainText(g));

  it(`keeps every '<' of plain text, and no reference or control, in ${PLAIN_CASES} cases`, () => {
    const problems: string[] = [];
    for (const plain of plainTexts) {
      const { text } = markupToText(plain, { documentUri: 'urn:property' });
      const problem =
        text.split('<').length !== plain.split('<').length ? "a '<' lost" :
        LEFTOVER_REFERENCE.test(text) ? `a character reference (${LEFTOVER_REFERENCE.exec(text)![0]})` :
        CONTROL.test(text) ? 'a control character' :
        /\S[^\S\n]{2,}|[^\S\n]\n|^\n|\s$|\n{3,}/.test(text) ? 'uncollapsed whitespace' :
        null;
      if (problem) problems.push(`${problem} in the text of ${JSON.stringify(plain)}:\n${JSON.stringify(text)}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it.each([null, 'html'] as const)(`keeps no markup, reference, control or hidden text in ${CASES} cases (content type %s)`, (contentType) => {
    let withText = 0;
    const problems: string[] = [];
    for (const fragment of fragments) {
      const { text } = markupToText(fragment, { documentUri: 'urn:property', contentType });
      const problem =
        text.includes('<') ? 'a <' :
        LEFTOVER_REFERENCE.test(text) ? `a character reference (${LEFTOVER_REFERENCE.exec(text)![0]})` :
        CONTROL.test(text) ? 'a control character' :
        text.toLowerCase().includes(HIDDEN) ? 'hidden text' :
        // Lines are trimmed, but plain text (no markup at all) keeps its indentation.
        /\S[^\S\n]{2,}|[^\S\n]\n|^\n|\s$|\n{3,}/.test(text) || (containsMarkup(fragment) && /^[^\S\n]/m.test(text)) ? 'uncollapsed whitespace' :
        null;
      if (problem) problems.push(`${problem} in the text of ${JSON.stringify(fragment)}:\n${JSON.stringify(text)}`);
      if (text) withText++;
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // The generator is not degenerate: most fragments keep some text.
    expect(withText).toBeGreaterThan(CASES / 2);
  });

  it('generates the structures it claims to (nesting, unclosed tags, scripts, comments, references)', () => {
    const all = fragments.join('');
    for (const needle of ['<script', '<!--', '&#146;', '<font', '</', "='", '="', '<svg']) expect(all).toContain(needle);
    expect(fragments.filter((fragment) => /<(div|p|span)[^>]*>[^]*<(div|p|span)[^>]*>/.test(fragment)).length).toBeGreaterThan(50);
    expect(plainTexts.every((plain) => !containsMarkup(plain))).toBe(true);
  });
});
