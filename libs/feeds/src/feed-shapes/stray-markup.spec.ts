import { escapeStrayMarkup } from './stray-markup';

describe('escapeStrayMarkup', () => {
  it('escapes a "<" that starts no markup, and leaves tags, comments, CDATA and the prolog as written', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE rss><rss a="1<2"><t>a < b <3 x<=y</t><!-- <x --><![CDATA[ < ]]></rss>';
    expect(escapeStrayMarkup(text)).toBe('<?xml version="1.0"?><!DOCTYPE rss><rss a="1<2"><t>a &lt; b &lt;3 x&lt;=y</t><!-- <x --><![CDATA[ < ]]></rss>');
  });

  it('escapes a declaration inside the document and the "<" of a start tag another tag interrupts', () => {
    expect(escapeStrayMarkup('<a><!x><b <i>y</i></a>')).toBe('<a>&lt;!x>&lt;b <i>y</i></a>');
  });

  it('ends an unterminated comment at its first ">", or lets it run to the end when there is none', () => {
    expect(escapeStrayMarkup('<a><!-- x -- ></a>')).toBe('<a><!-- x -- --></a>');
    expect(escapeStrayMarkup('<a><!-- cut')).toBe('<a><!-- cut');
  });

  it('leaves text cut off inside a tag as written', () => {
    expect(escapeStrayMarkup('<a><b x="1')).toBe('<a><b x="1');
    expect(escapeStrayMarkup('<a></a')).toBe('<a></a');
  });
});
