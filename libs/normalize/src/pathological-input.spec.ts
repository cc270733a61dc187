import { sha256Hex, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';
import { dropScriptAndStyleBodies, measureMarkup } from './markup-limits';

/**
 * No input may hang the normalizer: 2 MB bodies built to trip backtracking regexes, quadratic
 * scans or deep parser stacks must finish (or be refused). These are hang guards, not speed
 * checks (speed is `npm run bench:normalize`): a quadratic scan of 2 MB takes minutes, so a
 * budget of CPU seconds separates the two with room for a loaded machine.
 */
const TWO_MB = 2_000_000;
const CPU_BUDGET_MS = 10_000;

function fill(unit: string, length = TWO_MB): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function rawDocument(body: string, format: RawDocumentV1['format'] = 'wire-text'): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: '99999999999999999999999999999999',
    source: { id: 'fuzz', kind: 'file-drop', uri: 'file:///fuzz' },
    documentUri: 'file:///fuzz/input',
    fetchedAt: '2025-01-07T03:00:00.000Z',
    format,
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
  };
}

/** CPU milliseconds the call took, and whether it threw a refusal rather than anything else. */
function measure(doc: RawDocumentV1): { cpuMs: number; refused: boolean } {
  const start = process.cpuUsage();
  let refused = false;
  try {
    normalizeDocument(doc, { referenceDate: new Date('2025-01-07T00:00:00Z') });
  } catch (error) {
    if (!(error instanceof UnprocessableDocumentError)) throw error;
    refused = true;
  }
  const used = process.cpuUsage(start);
  return { cpuMs: (used.user + used.system) / 1000, refused };
}

beforeAll(() => {
  // Loading language models and compiling date parsers happens once; it is not per document.
  normalizeDocument(rawDocument('SEOUL, Jan. 6 (Yonhap) -- Warm-up story text for the language detector.'));
  normalizeDocument(rawDocument('<p>Warm-up page text for the markup parser.</p>', 'html'));
});

describe('2 MB pathological wire text', () => {
  it.each([
    ['one letter repeated', fill('a')],
    ['capitals and spaces, like an endless dateline place', fill('AB ')],
    ['an endless dateline', fill('SEOUL, Jan. 6 (Yonhap) -- ')],
    ['a syndication header that never closes', `date 2025-01-06 (MENAFN- ${fill('(')}`],
    ['a byline that never ends', `By ${fill('Jane Doe and ')}`],
    ['a bracket credit after 2 MB of text', `${fill('A ')}[YONHAP]`],
    ['capitalised words before an agency name', `${fill('Xx ')}News Agency reported`],
    ['agency attributions only', fill('Reuters said ')],
    ['e-mail-like fragments', fill('a@b.')],
    ['dashes and end-mark fragments', fill('--end-')],
    ['a single ID-like token', fill('ab1234567')],
    ['short lines', fill('x\n')],
    ['blank lines of no-break spaces', fill('\u00a0\n')],
    ['comment-box prompts', fill('Log in to comment\n')],
  ])('handles %s within the CPU budget', (_name, body) => {
    const { cpuMs } = measure(rawDocument(body));
    expect(cpuMs).toBeLessThan(CPU_BUDGET_MS);
  });

  it('refuses whitespace-only input without scanning for long', () => {
    const { cpuMs, refused } = measure(rawDocument(fill(' ')));
    expect(refused).toBe(true);
    expect(cpuMs).toBeLessThan(CPU_BUDGET_MS);
  });
});

describe('pathological HTML', () => {
  it.each([
    ['100,000 nested <div>s', `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`],
    ['200,000 unclosed <b>s', '<b>'.repeat(200_000)],
    ['misnested formatting tags', fill('<b><i>x</b></i>')],
    ['half a million <p>s', fill('<p>x')],
  ])('refuses %s before parsing, quickly', (_name, html) => {
    const { cpuMs, refused } = measure(rawDocument(html, 'html'));
    expect(refused).toBe(true);
    expect(cpuMs).toBeLessThan(500);
  });

  it.each([
    ['2 MB of "<"', fill('<')],
    ['one element with 300,000 attributes', `<div ${fill('a="b" ', 1_800_000)}>x</div>`],
    ['a script that never closes', `<script>${fill('<div>')}`],
    ['comments that never close', fill('<!--')],
  ])('handles %s within the CPU budget', (_name, html) => {
    const { cpuMs } = measure(rawDocument(html, 'html'));
    expect(cpuMs).toBeLessThan(CPU_BUDGET_MS);
  });
});

describe('measureMarkup', () => {
  it('counts tags and nesting, skipping comments and script contents', () => {
    expect(measureMarkup('<div><p>a<p>b</div><!-- <div><div> --><script>"<div><div>"</script><br><img src=x />')).toEqual({
      tags: 7,
      maxDepth: 1,
      stackWork: 3,
    });
  });
});

describe('dropScriptAndStyleBodies', () => {
  it('empties scripts and styles but keeps JSON-LD, and stops at a script that never closes', () => {
    const html =
      '<p>a</p><script>var x = "<p>no</p>";</script><STYLE>p{}</STYLE>' +
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>b</p><script>never closed <p>c</p>';
    expect(dropScriptAndStyleBodies(html)).toBe(
      '<p>a</p><script></script><STYLE></STYLE><script type="application/ld+json">{"@type":"NewsArticle"}</script><p>b</p><script>',
    );
  });

  it('leaves a commented-out script to its comment, and takes no comment out of a script\'s code', () => {
    const html = '<p>a</p><!-- <script>old()</script> --><p>b</p><script>if (x) s = "<!--";</script><p>c</p><!-- <style>';
    expect(dropScriptAndStyleBodies(html)).toBe('<p>a</p><!-- <script>old()</script> --><p>b</p><script></script><p>c</p><!-- <style>');
  });
});

/**
 * Bad input of the kinds a fetcher really hands over. Each must end in a valid article or in
 * UnprocessableDocumentError (which the service sends to the dead-letter topic), never in any
 * other error or a hang.
 */
describe('bad input', () => {
  const story =
    'GENEVA (Reuters) - Negotiators reached a draft agreement on Tuesday after two weeks of talks, officials said. ' +
    'The text still needs the approval of all member states before it can take effect next year.';

  it.each(['wire-text', 'html', 'feed-item'] as const)('refuses an empty %s document', (format) => {
    expect(() => normalizeDocument(rawDocument('', format))).toThrow(UnprocessableDocumentError);
  });

  it.each(['wire-text', 'html'] as const)('refuses or reads binary bytes passed off as %s, within the CPU budget', (format) => {
    // A deterministic stream of every byte value, NULs and control characters included, as a
    // mis-declared JPEG or PDF arrives after latin-1 decoding.
    let seed = 7;
    const bytes = Buffer.from(
      Buffer.alloc(500_000, 0).map(() => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed % 256;
      }),
    );
    const { cpuMs } = measure(rawDocument(bytes.toString('latin1'), format));
    expect(cpuMs).toBeLessThan(CPU_BUDGET_MS);
  });

  it('refuses 10 MB of markup before parsing it', () => {
    const block = `<div class="card"><p>${story}</p><a href="/more">More</a></div>\n`;
    const html = `<html><body>${block.repeat(Math.ceil(10_000_000 / block.length))}</body></html>`;
    const { cpuMs, refused } = measure(rawDocument(html, 'html'));
    expect(refused).toBe(true);
    expect(cpuMs).toBeLessThan(CPU_BUDGET_MS);
  });

  it('reads a page whose tags are never closed', () => {
    const html = `<html><head><title>Draft deal reached</title><body><div class="story"><div><p>${story}<p>${story.replace('Tuesday', 'Wednesday')}<div class="footer"><a href="/">Home`;
    const article = normalizeDocument(rawDocument(html, 'html'));
    expect(article.body).toContain('Negotiators reached a draft agreement on Tuesday');
    expect(article.body).toContain('on Wednesday after two weeks');
    expect(article.body).not.toContain('Home');
    expect(article.headline).toBe('Draft deal reached');
  });
});
