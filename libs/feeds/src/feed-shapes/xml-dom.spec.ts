import { nestsDeeperThan } from './xml-dom';

describe('nestsDeeperThan', () => {
  it('counts open elements, not self-closed ones, comments, CDATA or declarations', () => {
    expect(nestsDeeperThan('<a><b><c/></b></a>', 2)).toBe(false);
    expect(nestsDeeperThan('<a><b><c></c></b></a>', 2)).toBe(true);
    expect(nestsDeeperThan('<?xml version="1.0"?><!DOCTYPE a SYSTEM "a"><a><!-- <b><c><d> --><![CDATA[<b><c><d>]]></a>', 1)).toBe(false);
    expect(nestsDeeperThan('<a x="<b><c>"><b/></a>', 1)).toBe(false);
  });

  it('measures mis-nested and unclosed markup as a lenient parser nests it', () => {
    expect(nestsDeeperThan('<a><b><i>x</b></i><i>y</i></a>', 3)).toBe(false);
    expect(nestsDeeperThan(`<a>${'<b>'.repeat(300)}</a>`, 256)).toBe(true);
    expect(nestsDeeperThan('<a>5 < 6 <b>x</b></a>', 2)).toBe(false);
  });
});
