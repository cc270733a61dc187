import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BeyondCeilingError, withinCeiling, type OperatorCeiling } from './source-ceiling';
import { SourceDeclarationSchema, SourceRegistry } from './source-registry';

describe('withinCeiling', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'source-ceiling-'));
  const root = path.join(base, 'drops');
  const inside = path.join(root, 'desk');
  const outside = path.join(base, 'private');
  mkdirSync(inside, { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'a-file'), 'x');
  symlinkSync(outside, path.join(root, 'escape'));
  const ceiling: OperatorCeiling = { allowAddressRanges: ['loopback'], dropRoots: [root] };
  const feed = (allowAddressRanges: string[]) => SourceDeclarationSchema.parse({ id: 'f', kind: 'feed', url: 'http://127.0.0.1:9/feed.xml', allowAddressRanges });
  const drop = (dropPath: string) => SourceDeclarationSchema.parse({ id: 'd', kind: 'file-drop', path: dropPath });
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(BeyondCeilingError);
      return { field: (error as BeyondCeilingError).field, message: (error as Error).message };
    }
    throw new Error('expected a refusal');
  };

  it('admits address ranges the operator configured, and refuses others naming the field', () => {
    expect(withinCeiling(feed(['loopback']), ceiling)).toMatchObject({ allowAddressRanges: ['loopback'] });
    expect(refusal(() => withinCeiling(feed(['loopback', 'private']), ceiling))).toEqual({
      field: 'allowAddressRanges',
      message: 'allowAddressRanges: private not allowed by the operator (FETCHER_FEED_ALLOW_ADDRESS_RANGES allows loopback)',
    });
    expect(refusal(() => withinCeiling(feed(['loopback']), { ...ceiling, allowAddressRanges: [] })).message).toMatch(/allows none/);
  });

  it('admits a drop directory under a configured root, resolved', () => {
    expect(withinCeiling(drop(inside), ceiling)).toMatchObject({ path: inside });
    expect(withinCeiling(drop(root), ceiling)).toMatchObject({ path: root });
  });

  it.each([
    ['a directory outside every root', () => outside, /is not under FETCHER_DROP_ROOTS/],
    ['a symlink inside a root pointing out of it', () => path.join(root, 'escape'), /is not under FETCHER_DROP_ROOTS/],
    ['a path climbing out with ..', () => `${inside}/../../private`, /must not contain "\.\." segments/],
    ['a relative path', () => 'drops/desk', /must be an absolute path/],
    ['a path that does not exist', () => path.join(root, 'nowhere'), /does not exist/],
    ['a file, not a directory', () => path.join(root, 'a-file'), /is not a directory/],
    ['the server root', () => '/', /is not under FETCHER_DROP_ROOTS/],
  ])('refuses %s, naming the path field', (_case, dropPath, message) => {
    const { field, message: text } = refusal(() => withinCeiling(drop(dropPath()), ceiling));
    expect(field).toBe('path');
    expect(text).toMatch(message);
  });

  it('refuses every file-drop source when no root is configured', () => {
    expect(refusal(() => withinCeiling(drop(inside), { ...ceiling, dropRoots: [] })).message).toMatch(/FETCHER_DROP_ROOTS is empty/);
  });

  it('keeps a refused source out of the registry', () => {
    const registry = new SourceRegistry([]);
    expect(() => registry.add({ id: 'd', kind: 'file-drop', path: outside }, (declaration) => withinCeiling(declaration, ceiling))).toThrow(BeyondCeilingError);
    expect(registry.list()).toEqual([]);
  });
});
