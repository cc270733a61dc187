import { inlineXhtmlBodies, xhtmlToHtml } from './xhtml-content';

describe('xhtmlToHtml', () => {
  it('drops the XHTML <div> wrapper, namespace prefixes and declarations, and writes empty elements the HTML way', () => {
    expect(xhtmlToHtml('<div xmlns="http://www.w3.org/1999/xhtml"><p>a<br/>b <a name="x"/>c</p><hr/></div>')).toBe('<p>a<br>b <a name="x"></a>c</p><hr>');
    expect(xhtmlToHtml('<x:p xmlns:x="http://www.w3.org/1999/xhtml" x:class="k">Hi</x:p>')).toBe('<p x:class="k">Hi</p>');
  });

  it('keeps references as written, escapes CDATA text, and quotes attribute values safely', () => {
    expect(xhtmlToHtml(`<p title='say "hi"'>AT&amp;T &#233; <![CDATA[1 < 2 & 3]]></p>`)).toBe('<p title="say &quot;hi&quot;">AT&amp;T &#233; 1 &lt; 2 &amp; 3</p>');
  });

  it('keeps a plain <div> that is not the Atom wrapper, and drops comments and processing instructions', () => {
    expect(xhtmlToHtml('<div class="a">x</div><!-- note --><?pi x?>')).toBe('<div class="a">x</div>');
  });
});

describe('inlineXhtmlBodies', () => {
  const CONTENT = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"';

  it('leaves text without a <body> untouched', () => {
    const xml = '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>';
    expect(inlineXhtmlBodies(xml)).toBe(xml);
  });

  it('replaces an item body by content:encoded holding its HTML, at the same place', () => {
    const xml = '<rss><channel><item><title>t</title><body xmlns="http://www.w3.org/1999/xhtml"><p>a</p>]]&gt;</body></item></channel></rss>';
    expect(inlineXhtmlBodies(xml)).toBe(
      `<rss><channel><item><title>t</title><content:encoded ${CONTENT}><![CDATA[<p>a</p>]]&gt;]]></content:encoded></item></channel></rss>`,
    );
  });

  it('splits a CDATA end inside the HTML', () => {
    const xml = '<rss><channel><item><xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><![CDATA[x]]>y]]></xhtml:body></item></channel></rss>';
    expect(inlineXhtmlBodies(xml)).toContain('<![CDATA[xy]]]]><![CDATA[>]]></content:encoded>');
  });

  it('leaves bodies outside items, in other namespaces, and beside content:encoded alone', () => {
    const xml = [
      '<rss xmlns:n="urn:other" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
      '<body>channel-level</body>',
      '<item><n:body>other namespace</n:body></item>',
      '<item><content:encoded>kept</content:encoded><body>ignored</body></item>',
      '</channel></rss>',
    ].join('');
    expect(inlineXhtmlBodies(xml)).toBe(xml);
  });
});
