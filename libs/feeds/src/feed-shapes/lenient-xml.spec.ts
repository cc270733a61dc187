import { recoverXml } from './lenient-xml';

const recovered = (text: string) => recoverXml(text)?.text;

describe('lenient XML recovery', () => {
  it('closes what an end tag skips over, ignores stray end tags, and empties void elements left open', () => {
    expect(recovered('<a><b><i>x</b></i> y</a>')).toBe('<a><b><i>x</i></b> y</a>');
    expect(recovered('<a><d>one<br>two<img src="p.jpg">three</d></a>')).toBe('<a><d>one<br/>two<img src="p.jpg"/>three</d></a>');
    expect(recovered('<a><link>http://x/</link><d>x</q>y</d></a>')).toBe('<a><link>http://x/</link><d>xy</d></a>');
  });

  it('keeps the prolog, character references, CDATA and comments, and writes empty elements as <x/>', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "x.dtd">\n<!-- head -->\n<rss><t a="1&amp;2">AT&amp;T &#233;<![CDATA[<p> & ]]><!-- c --><b></t><e></e></rss>';
    expect(recovered(xml)).toBe('<?xml version="1.0"?><!DOCTYPE rss SYSTEM "x.dtd"><!-- head --><rss><t a="1&amp;2">AT&amp;T &#233;<![CDATA[<p> & ]]><!-- c --><b/></t><e/></rss>');
  });

  it('writes HTML named entities as character references and escapes bare ampersands, in text and attributes', () => {
    expect(recovered('<a href="?x=1&y=2&amp;z=&copy;">caf&eacute;&nbsp;&bogus; Q&A &</a>')).toBe(
      '<a href="?x=1&amp;y=2&amp;z=&#169;">caf&#233;&#160;&amp;bogus; Q&amp;A &amp;</a>',
    );
  });

  it('reads a "<" that starts no markup as text', () => {
    expect(recovered('<a>1 < 2, <3, x<=y</a>')).toBe('<a>1 &lt; 2, &lt;3, x&lt;=y</a>');
    expect(recovered('<a><b <i>x</i></a>')).toBe('<a>&lt;b <i>x</i></a>');
    expect(recovered('<a>x<!DOCTYPE html>y</a>')).toBe('<a>x&lt;!DOCTYPE html&gt;y</a>');
  });

  it('ends a comment that is never terminated at its first ">", and keeps comments well-formed', () => {
    expect(recovered('<a><b>1</b><!-- typo -- ><b>2</b></a>')).toBe('<a><b>1</b><!-- typo - - --><b>2</b></a>');
    expect(recovered('<a><!-- x ->y</a>')).toBe('<a><!-- x - -->y</a>');
  });

  it('ends an item left open at the start of the next one: items do not nest', () => {
    expect(recovered('<rss><channel><item><title>A</title><item><title>B</title></item></channel></rss>')).toBe(
      '<rss><channel><item><title>A</title></item><item><title>B</title></item></channel></rss>',
    );
    expect(recovered('<feed><entry><title>A<entry>B</entry></feed>')).toBe('<feed><entry><title>A</title></entry><entry>B</entry></feed>');
  });

  it('closes what is left open at the end when no item is cut off', () => {
    expect(recoverXml('<rss><channel><item><title>A</title></item>\n')).toEqual({ text: '<rss><channel><item><title>A</title></item>\n</channel></rss>', droppedCutItem: false });
    expect(recoverXml('<rss><channel><item><title>A</title></item></channel></rss')).toEqual({ text: '<rss><channel><item><title>A</title></item></channel></rss>', droppedCutItem: false });
  });

  it('drops an item the text ends inside, with what followed the item before it', () => {
    expect(recoverXml('<rss><channel><item><title>A</title></item>\n  <item><title>B</title><description>half a st')).toEqual({
      text: '<rss><channel><item><title>A</title></item>\n  </channel></rss>',
      droppedCutItem: true,
    });
    expect(recoverXml('<feed><entry><id>1</id></entry><entry><id>2</id><link href="http://x/')).toEqual({ text: '<feed><entry><id>1</id></entry></feed>', droppedCutItem: true });
    expect(recoverXml('<rss><channel><item><title>A</title><!-- cut inside a comment </item>')?.text).toBe('<rss><channel></channel></rss>');
  });

  it('drops what follows the root element', () => {
    expect(recovered('<rss><channel/></rss>\n<br />\n<b>Warning</b>: <i>x</i> &copy;<![CDATA[y]]>')).toBe('<rss><channel/></rss>');
  });

  it('gives up on text nesting deeper than a tree is built for', () => {
    expect(recoverXml(`<a>${'<b>'.repeat(300)}x</a>`)).toBeNull();
  });
});
