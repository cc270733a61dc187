import { UnprocessableDocumentError } from '@wirestream/contracts';
import { assertNoDtdDeclarations, findXmlStructureProblem, rootElementName } from './xml-markup';

describe('assertNoDtdDeclarations', () => {
  it('refuses entity declarations and DOCTYPEs with an internal subset', () => {
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>';
    expect(() => assertNoDtdDeclarations(bomb, 'feed f')).toThrow(UnprocessableDocumentError);
    expect(() => assertNoDtdDeclarations(bomb, 'feed f')).toThrow('feed f refused: DTD/entity declarations are not allowed');
    expect(() => assertNoDtdDeclarations('<!doctype x [ <!ELEMENT x ANY> ]><x/>', 'f')).toThrow(/internal subset/);
    expect(() => assertNoDtdDeclarations('<!DOCTYPE x SYSTEM "a>b" [ <!ATTLIST x y CDATA "z"> ]><x/>', 'f')).toThrow(/internal subset/);
  });

  it('reads a flood of unterminated DOCTYPEs to its end and names the problem', () => {
    const flood = `<x>${'<!DOCTYPE a "'.repeat(300_000)}`;
    expect(() => assertNoDtdDeclarations(flood, 'f')).not.toThrow();
    expect(findXmlStructureProblem(flood)).toMatch(/^unexpected markup declaration/);
  });

  it('allows a DOCTYPE that only names an external DTD, as RSS 0.91 feeds do', () => {
    const rss091 = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>';
    expect(() => assertNoDtdDeclarations(rss091, 'f')).not.toThrow();
  });
});

describe('rootElementName', () => {
  it('skips the XML declaration, comments, processing instructions and a DOCTYPE', () => {
    expect(rootElementName('\ufeff<?xml version="1.0"?>\n<!-- c --><?xml-stylesheet href="a"?><!DOCTYPE rdf:RDF [ <!ENTITY x "]>"> ]><rdf:RDF xmlns:rdf="r"/>')).toBe('rdf:RDF');
    expect(rootElementName('  <rss version="2.0">')).toBe('rss');
  });

  it('is null for text that is not XML', () => {
    expect(rootElementName('SEOUL, Jan 6 (Yonhap) --')).toBeNull();
    expect(rootElementName('<?xml version="1.0"')).toBeNull();
  });
});

describe('findXmlStructureProblem', () => {
  it('accepts well-nested XML with comments, CDATA, self-closing tags and quoted ">" in attributes', () => {
    expect(findXmlStructureProblem('<?xml version="1.0"?><a x="1>2"><!-- <b> --><b/><c><![CDATA[<d>]]></c></a>\n')).toBeNull();
  });

  it('reports a truncated document with the element left open', () => {
    expect(findXmlStructureProblem('<rss>\n<channel>\n<item><title>a</title>')).toBe('unexpected end of document: <item> opened at line 3 is not closed');
  });

  it('reports a mismatched end tag with its line', () => {
    expect(findXmlStructureProblem('<a>\n<b></c></a>')).toBe('mismatched end tag </c> at line 2: <b> opened at line 2 is still open');
  });

  it('reports stray markup, unterminated constructs and a missing root', () => {
    expect(findXmlStructureProblem('<a>1 < 2</a>')).toBe("'<' not followed by a tag name at line 1");
    expect(findXmlStructureProblem('<a><!-- open</a>')).toBe('unterminated comment at line 1');
    expect(findXmlStructureProblem('<a><![CDATA[x</a>')).toBe('unterminated CDATA section at line 1');
    expect(findXmlStructureProblem('<a></a><b/>')).toBe('element <b> after the end of the root element at line 1');
    expect(findXmlStructureProblem('just text')).toBe('no root element');
  });
});
