import { endsWithRootEndTag, isRecoverableStructureProblem, recoverXml } from './lenient-xml';

describe('lenient XML recovery', () => {
  it('recovers mis-nesting only, not truncation or broken tokens', () => {
    expect(isRecoverableStructureProblem('mismatched end tag </b> at line 3: <i> opened at line 3 is still open')).toBe(true);
    expect(isRecoverableStructureProblem('unexpected end of document: <item> opened at line 9 is not closed')).toBe(false);
    expect(isRecoverableStructureProblem('unterminated CDATA section at line 4')).toBe(false);
    expect(isRecoverableStructureProblem("'<' not followed by a tag name at line 2")).toBe(false);
  });

  it('knows a document cut off before its root end tag', () => {
    expect(endsWithRootEndTag('<rss><channel></channel></rss>\n<!-- cached -->\n', 'rss')).toBe(true);
    expect(endsWithRootEndTag('<rdf:RDF><item></item></rdf:RDF >', 'rdf:RDF')).toBe(true);
    expect(endsWithRootEndTag('<rss><channel><item><title>cut', 'rss')).toBe(false);
    expect(endsWithRootEndTag('<rss><channel></channel></rss><extra/>', 'rss')).toBe(false);
  });

  it('closes what an end tag skips over, ignores stray end tags, and empties void elements left open', () => {
    expect(recoverXml('<a><b><i>x</b></i> y</a>')).toBe('<a><b><i>x</i></b> y</a>');
    expect(recoverXml('<a><d>one<br>two<img src="p.jpg">three</d></a>')).toBe('<a><d>one<br/>two<img src="p.jpg"/>three</d></a>');
    expect(recoverXml('<a><link>http://x/</link><d>x</q>y</d></a>')).toBe('<a><link>http://x/</link><d>xy</d></a>');
  });

  it('keeps the prolog, references, CDATA and comments as written', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "x.dtd">\n<rss><t a="1&amp;2">AT&amp;T &nbsp;<![CDATA[<p>]]><!-- c --><b></t></rss>';
    expect(recoverXml(xml)).toBe('<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "x.dtd">\n<rss><t a="1&amp;2">AT&amp;T &nbsp;<![CDATA[<p>]]><!-- c --><b/></t></rss>');
  });
});
