import { wrapRootContentInChannel } from './channelless-rss';

describe('wrapRootContentInChannel', () => {
  it('wraps everything inside the root, after a prolog with a declaration, comment and DOCTYPE', () => {
    const xml = '<?xml version="1.0"?>\n<!-- <rss> in a comment -->\n<!DOCTYPE rss SYSTEM "http://x/rss.dtd">\n<rss version="0.91" a=">"><item/></rss>\n';
    expect(wrapRootContentInChannel(xml, 'rss')).toBe(
      '<?xml version="1.0"?>\n<!-- <rss> in a comment -->\n<!DOCTYPE rss SYSTEM "http://x/rss.dtd">\n<rss version="0.91" a=">"><channel><item/></channel></rss>\n',
    );
  });

  it('gives null for an empty root or one it cannot find', () => {
    expect(wrapRootContentInChannel('<rss version="2.0"/>', 'rss')).toBeNull();
    expect(wrapRootContentInChannel('<rsstwo></rsstwo>', 'rss')).toBeNull();
  });
});
