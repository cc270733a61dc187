import { feedItemFacts, feedItemText } from './feed-item';

/** The cases of the feed-item markup issue, each read through feedItemText (invented content). */
const URI = 'https://feeds.example.org/world/item-7';

function text(content: string): string {
  return feedItemText(content, URI).text;
}

describe('feedItemText', () => {
  it('drops a script from a description with no other tag', () => {
    expect(text(`safe<script type="text/javascript">location.href='x'</script>`)).toBe('safe');
  });

  it('drops a meta refresh, an embed and an svg', () => {
    expect(text('<meta http-equiv="refresh" content="1;url=https://x.example/">Port reopens<embed src="a.swf"><svg><text>chart</text></svg>')).toBe(
      'Port reopens',
    );
  });

  it('keeps the text of <font>, as Google-News-style feeds mark the source', () => {
    expect(text('<a href="https://news.example.org/a">Storm nears coast</a>&nbsp;&nbsp;<font color="#6f6f6f">Coastal Times</font>')).toBe(
      'Storm nears coast Coastal Times',
    );
  });

  it('keeps the text of <blink>', () => {
    expect(text('<blink>safe</blink> description')).toBe('safe description');
  });

  it('breaks lines at <pre> lines, table rows, <nav> and <header>', () => {
    expect(text('<header>Weather desk</header><pre>Mon 12C\nTue 14C</pre><table><tr><td>Wed</td></tr><tr><td>Thu</td></tr></table><nav>More</nav>')).toBe(
      'Weather desk\n\nMon 12C\nTue 14C\n\nWed\n\nThu\n\nMore',
    );
  });

  it('decodes references in a description with no tag', () => {
    expect(text('Fish &amp; chips &#8220;quoted&#8221; and caf&eacute;')).toBe('Fish & chips “quoted” and café');
  });

  it("decodes &#146; to ’ as HTML does", () => {
    expect(text('don&#146;t')).toBe('don’t');
  });

  it('keeps plain-text paragraphs, and a < or & that is no markup', () => {
    expect(text('Rates rose.\n\nThe index was 5 < 6 & steady.')).toBe('Rates rose.\n\nThe index was 5 < 6 & steady.');
  });

  it('reads captions out of pictures in the content', () => {
    expect(feedItemText('<p>Story.</p><figure><img src="a.jpg"><figcaption>Crowds at the pier.</figcaption></figure>', URI)).toEqual({
      text: 'Story.',
      captions: ['Crowds at the pier.'],
      tables: [],
    });
  });

  it('unescapes double-escaped content once when the caller says it is HTML', () => {
    expect(feedItemText('&lt;p&gt;Hello&lt;/p&gt;', URI, 'html').text).toBe('Hello');
    expect(feedItemText('&lt;p&gt;Hello&lt;/p&gt;', URI).text).toBe('<p>Hello</p>');
  });

  it('gives empty text for comment-only content', () => {
    expect(text('<!-- no story yet -->')).toBe('');
  });
});

describe('feedItemFacts', () => {
  it('reads a title and an author holding markup and references as one line of text', () => {
    const facts = feedItemFacts({ title: 'SAI Global enters software resale<BR /> market &amp; more', link: null, guid: null, publishedAt: null, author: '<b>Jane Tran</b>', categories: [] });
    expect(facts.headline).toBe('SAI Global enters software resale market & more');
    expect(facts.byline?.byline.names).toEqual(['Jane Tran']);
  });
});
