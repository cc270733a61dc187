import { findReferenceProblem, wellFormedCharacterData } from './xml-references';

describe('findReferenceProblem', () => {
  it('finds HTML named entities and bare ampersands, with their line', () => {
    expect(findReferenceProblem('<a>\ncaf&eacute;</a>')).toBe('undefined entity &eacute; at line 2');
    expect(findReferenceProblem('<a>AT&T</a>')).toBe("unescaped '&' at line 1");
    expect(findReferenceProblem('<a href="?x=1&y=2"/>')).toBe("unescaped '&' at line 1");
  });

  it('accepts the references XML defines, and ignores comments, CDATA sections and processing instructions', () => {
    expect(findReferenceProblem('<a t="&quot;">&amp;&lt;&gt;&apos;&#233;&#xE9;</a>')).toBeNull();
    expect(findReferenceProblem('<?php echo "&"; ?><a><!-- & --><![CDATA[&nbsp;]]></a>')).toBeNull();
    expect(findReferenceProblem('<a><![CDATA[& unterminated')).toBeNull();
  });
});

describe('wellFormedCharacterData', () => {
  it('keeps XML references, writes HTML ones as character references and escapes the rest', () => {
    expect(wellFormedCharacterData('&amp; &#8220;&hellip;&#x201d; &NotAnEntity; a<b>c & d')).toBe('&amp; &#8220;&#8230;&#x201d; &amp;NotAnEntity; a&lt;b&gt;c &amp; d');
  });

  it('escapes double quotes in attribute values only, and writes characters outside the BMP as one reference', () => {
    expect(wellFormedCharacterData('say "hi" &fopf;', true)).toBe('say &quot;hi&quot; &#120151;');
    expect(wellFormedCharacterData('say "hi"')).toBe('say "hi"');
  });
});
