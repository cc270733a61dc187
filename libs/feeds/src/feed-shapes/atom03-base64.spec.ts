import { decodeBase64Constructs } from './atom03-base64';

describe('decodeBase64Constructs', () => {
  it('writes an Atom 0.3 mode="base64" value decoded and escaped, mode="escaped"', () => {
    const encoded = Buffer.from('Port <b>reopens</b> & ships move', 'utf8').toString('base64');
    const xml = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><summary type="text/html" mode="base64">\n  ${encoded}\n</summary></entry></feed>`;
    expect(decodeBase64Constructs(xml)).toBe(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><summary type="text/html" mode="escaped">Port &lt;b&gt;reopens&lt;/b&gt; &amp; ships move</summary></entry></feed>',
    );
  });

  it('decodes UTF-8 and leaves values that are not base64, and feeds without the mode, as they are', () => {
    const xml = `<feed><entry><title mode="base64">${Buffer.from('Café', 'utf8').toString('base64')}</title><summary mode="base64">not base64!</summary></entry></feed>`;
    expect(decodeBase64Constructs(xml)).toBe('<feed><entry><title mode="escaped">Café</title><summary mode="base64">not base64!</summary></entry></feed>');
    const plain = '<feed><entry><title>RXhhbXBsZQ==</title></entry></feed>';
    expect(decodeBase64Constructs(plain)).toBe(plain);
  });
});
