import { tolerant } from './tolerant-extractor';

describe('tolerant', () => {
  it('scores a page the extractor throws on as empty, counts it once, and passes other pages through', () => {
    const peer = tolerant({
      name: 'brittle',
      extract: (page: { id: string; html: string }) => {
        if (page.html.includes('<frameset')) throw new TypeError('cannot read properties of null');
        return page.html.toUpperCase();
      },
    });
    expect(peer.extract({ id: 'a', html: 'plain words' })).toBe('PLAIN WORDS');
    expect(peer.extract({ id: 'b', html: '<frameset></frameset>' })).toBe('');
    expect(peer.extract({ id: 'b', html: '<frameset></frameset>' })).toBe('');
    expect(peer.name).toBe('brittle');
    expect([...peer.failedPages]).toEqual(['b']);
  });
});
