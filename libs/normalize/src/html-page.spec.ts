import { readHtmlPage } from './html-page';

/** Whole pages read their story by the same drop, unwrap and block rules as feed items. */
const PROSE = 'The harbour authority said the ferry service would resume on Monday after the storm repairs.';

function page(story: string): string {
  return (
    '<!DOCTYPE html><html><head><title>Ferry resumes &#150; Harbour News</title><meta property="og:site_name" content="Harbour News"></head>' +
    `<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Ferry resumes</h1><p>${PROSE}</p>${story}</article></body></html>`
  );
}

describe('readHtmlPage body text', () => {
  it('drops math, form controls and embeds, and unwraps font and unknown tags', () => {
    const facts = readHtmlPage(
      page(
        `<p>Officials <font color="red">confirmed</font> the <x-term>timetable</x-term> on Friday evening, ahead of the holiday.<math><mi>x</mi></math></p>` +
          `<p>Readers can vote in our poll today.<select><option>Yes</option></select><button>Vote</button><embed src="a.swf"></p>`,
      ),
      'https://harbour.example.org/ferry',
    );
    expect(facts.bodyText).toBe(`${PROSE}\n\nOfficials confirmed the timetable on Friday evening, ahead of the holiday.\n\nReaders can vote in our poll today.`);
  });

  it('keeps the line breaks of <pre> and decodes &#146;', () => {
    const facts = readHtmlPage(page(`<p>The operator&#146;s new timetable for the first week of service:</p><pre>Mon 08:00\nTue 09:30</pre>`), 'https://harbour.example.org/ferry');
    expect(facts.bodyText).toBe(`${PROSE}\n\nThe operator’s new timetable for the first week of service:\n\nMon 08:00\nTue 09:30`);
  });

  it('still reads the headline from <title> when nothing better names it, whole when nothing says the suffix is the site', () => {
    const html = `<html><head><title>Ferry resumes &#150; Harbour News</title></head><body><div><p>${PROSE}</p></div></body></html>`;
    expect(readHtmlPage(html, 'https://cdn.example.org/ferry').headline).toBe('Ferry resumes – Harbour News');
    // On the site's own host, the suffix is its name: the publisher, not part of the headline.
    const own = readHtmlPage(html, 'https://harbour.example.org/ferry');
    expect([own.headline, own.publisher]).toEqual(['Ferry resumes', 'Harbour News']);
  });
});
