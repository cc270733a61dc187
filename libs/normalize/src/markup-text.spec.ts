import { UnprocessableDocumentError } from '@wirestream/contracts';
import { decodeCharacterReferences, markupToText, type MarkupContentType } from './markup-text';

const URI = 'https://news.example.org/items/42';

function text(content: string, contentType: MarkupContentType | null = null): string {
  return markupToText(content, { documentUri: URI, contentType }).text;
}

describe('markupToText: elements dropped with their content', () => {
  it('drops a <script> and the code in it', () => {
    expect(text(`safe<script type="text/javascript">location.href='x'</script>`)).toBe('safe');
  });

  it('drops a <script> whose code holds things that look like tags', () => {
    expect(text('<p>Harbour reopens</p><script>if (a<b) document.write("<p>pwned</p>")</script>')).toBe('Harbour reopens');
  });

  it('drops a <style> sheet', () => {
    expect(text('<style>p { color: red } .x::before { content: "<b>" }</style>Ferry timetable restored')).toBe('Ferry timetable restored');
  });

  it('drops an <iframe> and its fallback text', () => {
    expect(text('Watch below.<iframe src="https://video.example.org/e/1">Your browser cannot show frames</iframe>')).toBe('Watch below.');
  });

  it('closes a script, iframe or style written closed the XHTML way, keeping the text after it', () => {
    expect(text('safe<iframe src="https://video.example.org/e/1"/> description')).toBe('safe description');
    expect(text('<p>Port <script src="/a.js" /> reopens.</p><p>Ships <STYLE/>move again.</p>')).toBe('Port reopens.\n\nShips move again.');
    expect(text('<p>Not closed: <script src="/a.js">var x = "/>";</script>kept</p>')).toBe('Not closed: kept');
  });

  it('keeps the text after a commented-out script', () => {
    expect(text('<p>Port reopens.</p><!-- <script>track()</script> --><p>Ships move again.</p><script>x()</script><p>Rates held.</p>')).toBe(
      'Port reopens.\n\nShips move again.\n\nRates held.',
    );
  });

  it('drops an inline <svg> and the text drawn in it', () => {
    expect(text('<svg viewBox="0 0 10 10"><title>Chart</title><text x="1">42%</text></svg>Turnout rose sharply.')).toBe('Turnout rose sharply.');
  });

  it('drops a <math> formula', () => {
    expect(text('Growth <math><mi>x</mi><mo>=</mo><mn>3</mn></math> percent')).toBe('Growth percent');
  });

  it('drops a meta refresh', () => {
    expect(text('<meta http-equiv="refresh" content="0;url=https://evil.example.net/">Council approves budget')).toBe('Council approves budget');
  });

  it('drops <embed> and <object> with their fallback', () => {
    expect(text('Clip: <embed src="clip.swf" type="application/x-shockwave-flash"><object data="clip.swf">Flash required</object> ends')).toBe('Clip: ends');
  });

  it('drops form controls: input, button, select with its options, textarea', () => {
    expect(
      text('Poll closed.<input type="text" value="Your name"><button>Vote now</button><select><option>Yes</option><option>No</option></select><textarea>Comment here</textarea>'),
    ).toBe('Poll closed.');
  });

  it('drops <noscript>, <template>, <link> and, in a fragment, <head> and <title>', () => {
    expect(
      text('<head><title>Site name</title><link rel="stylesheet" href="a.css"></head><noscript>Enable JavaScript</noscript><template><p>Hidden row</p></template>Mayor resigns'),
    ).toBe('Mayor resigns');
  });

  it('drops comments, even ones holding markup', () => {
    expect(text('<p>Kept text<!-- <p>Old paragraph</p> --> stays</p><!--[if IE]><p>Legacy</p><![endif]-->')).toBe('Kept text stays');
  });
});

describe('markupToText: other elements unwrapped', () => {
  it('unwraps <font>, as Google-News-style feeds use it', () => {
    expect(
      text('<a href="https://news.example.org/1">Rates held steady</a>&nbsp;&nbsp;<font color="#6f6f6f">Example Herald</font>'),
    ).toBe('Rates held steady Example Herald');
  });

  it('unwraps <blink> (once refused as "no body text left")', () => {
    expect(text('<blink>safe</blink> description')).toBe('safe description');
  });

  it('unwraps unknown and namespaced tags', () => {
    expect(text('<o:p>Tide tables</o:p> <custom-widget data-id="7">for the week</custom-widget> <x>ahead</x>')).toBe('Tide tables for the week ahead');
  });

  it('unwraps <span>, <b>, <em> and links without adding breaks', () => {
    expect(text('<span>Prices <b>rose</b> <em>again</em> in <a href="/m">May</a>.</span>')).toBe('Prices rose again in May.');
  });
});

describe('markupToText: character references', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(text('Fish &amp; chips &#8220;quoted&#8221; and caf&eacute; &#x2014; &#X41;')).toBe('Fish & chips “quoted” and café — A');
  });

  it('decodes &#128;–&#159; as the windows-1252 characters HTML maps them to', () => {
    expect(text('don&#146;t pay &#128;5 &#147;now&#148; &#150; &#x99;')).toBe('don’t pay €5 “now” – ™');
  });

  it('removes what references decode to that is a control character (&#1;, unmapped &#129;)', () => {
    expect(text('<p>a&#1;b&#129;c&#x9D;d</p>')).toBe('abcd');
  });

  it('decodes references in plain text (no markup) too', () => {
    expect(text('AT&amp;T and Johnson &amp; Johnson')).toBe('AT&T and Johnson & Johnson');
  });

  it('decodes the same way in text as htmlparser2 does in markup', () => {
    expect(decodeCharacterReferences('&lt;&gt;&quot;&apos;&nbsp;&#146;&#0;')).toBe('<>"\'\u00a0’\ufffd');
  });

  it('leaves a bare & and a reference HTML does not know', () => {
    expect(text('R&D costs &bogus; rose & fell')).toBe('R&D costs &bogus; rose & fell');
  });
});

describe('markupToText: layout', () => {
  it('turns block elements into paragraphs separated by blank lines', () => {
    expect(
      text('<header>Top</header><nav>Menu</nav><section><h2>Heading</h2><p>One</p><div>Two</div></section><footer>End</footer>'),
    ).toBe('Top\n\nMenu\n\nHeading\n\nOne\n\nTwo\n\nEnd');
  });

  it('turns <br> into a line break', () => {
    expect(text('<p>Line one<br>Line two<br/>Line three</p>')).toBe('Line one\nLine two\nLine three');
  });

  it('keeps the line breaks inside <pre>, collapsing spaces within lines', () => {
    expect(text('<p>Results:</p><pre>Team A   3\nTeam B   1\n\nFull time</pre>')).toBe('Results:\n\nTeam A 3\nTeam B 1\n\nFull time');
  });

  it('breaks lines at table rows', () => {
    expect(text('<table><tr><th>City</th></tr><tr><td>Oslo</td></tr><tr><td>Bergen</td></tr></table>')).toBe('City\n\nOslo\n\nBergen');
  });

  it('breaks at list items, definition terms and descriptions, and blockquotes', () => {
    expect(text('<ul><li>First</li><li>Second</li></ul><dl><dt>Term</dt><dd>Meaning</dd></dl><blockquote>Said</blockquote>')).toBe(
      'First\n\nSecond\n\nTerm\n\nMeaning\n\nSaid',
    );
  });

  it('collapses source whitespace within lines', () => {
    expect(text('<p>  Spread\n   over\tlines  </p>\n\n\n<p>Next</p>')).toBe('Spread over lines\n\nNext');
  });

  it('gives empty text for a comment-only fragment', () => {
    expect(text('<!-- nothing to see -->')).toBe('');
  });

  it('gives empty text for a markup-only fragment', () => {
    expect(text('<img src="a.jpg"><br><hr><div></div><script>x()</script>')).toBe('');
  });

  it('reads the captions of pictures apart from the text', () => {
    expect(markupToText('<p>Story.</p><figure><img src="p.jpg"><figcaption>Boats in the harbour.</figcaption></figure>', { documentUri: URI })).toEqual({
      text: 'Story.',
      captions: ['Boats in the harbour.'],
      tables: [],
    });
  });

  it('reads no caption out of a dropped element', () => {
    expect(markupToText('<p>Story.</p><template><figcaption>Draft caption</figcaption></template>', { documentUri: URI }).captions).toEqual([]);
  });
});

describe('markupToText: escaped markup and plain text', () => {
  it('unescapes a double-escaped fragment once when the caller says it is HTML', () => {
    expect(text('&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;', 'html')).toBe('Hello & welcome\n\nSecond');
  });

  it('does not unescape twice content that holds markup of its own', () => {
    expect(text('<p>Use the &lt;p&gt; element</p>', 'html')).toBe('Use the <p> element');
  });

  it('does not unescape twice when the caller does not say the content is HTML', () => {
    expect(text('Use the &lt;p&gt; element')).toBe('Use the <p> element');
  });

  it('keeps a < and a bare & in plain text that is not markup', () => {
    expect(text('5 < 6 & 7')).toBe('5 < 6 & 7');
    expect(text('x < y, 3<4 and AT&T <3')).toBe('x < y, 3<4 and AT&T <3');
  });

  it('parses content with a tag never closed as HTML: the tag is dropped', () => {
    expect(text('Rates held <div class="promo')).toBe('Rates held');
  });

  it('keeps the paragraphs and indentation of plain text', () => {
    expect(text('Para one &amp; more.\r\n\r\n\r\n  Indented   para two.\n')).toBe('Para one & more.\n\n  Indented para two.');
  });

  it('reads content the caller calls text as text, tags and all', () => {
    expect(text('<b>not bold</b> &amp; done', 'text')).toBe('<b>not bold</b> & done');
  });

  it('parses content the caller calls HTML as HTML even with no tags (newlines are spaces)', () => {
    expect(text('One\n\nTwo &amp; three', 'html')).toBe('One Two & three');
  });

  it('reads XHTML: self-closed elements close, CDATA is text', () => {
    expect(text('<div xmlns="http://www.w3.org/1999/xhtml"><p>One<br/>Two</p><span/>after <![CDATA[x < y]]></div>', 'xhtml')).toBe(
      'One\nTwo\n\nafter x < y',
    );
  });

  it('removes control characters but tab and newline from plain text', () => {
    expect(text('A\u0000B\u0007C\u009DD\tE\u000BF')).toBe('ABCD E F');
  });

  it('still turns away markup too deeply nested to parse', () => {
    expect(() => text('<div>'.repeat(2_000) + 'x')).toThrow(UnprocessableDocumentError);
  });
});
