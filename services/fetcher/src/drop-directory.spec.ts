import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DropDirectory } from './drop-directory';

describe('DropDirectory (file calls on a worker thread)', () => {
  let dir: string;
  const files = new DropDirectory();
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'wirestream-drop-directory-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(() => files.close());

  it('lists files with their size, leaving folders out', async () => {
    writeFileSync(path.join(dir, 'a.txt'), 'alpha');
    writeFileSync(path.join(dir, 'b.xml'), '<b/>');
    mkdirSync(path.join(dir, '.done'));
    const entries = await files.list(dir);
    expect(entries.map(({ name, size }) => ({ name, size })).sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'a.txt', size: 5 },
      { name: 'b.xml', size: 4 },
    ]);
    expect(entries.every((entry) => entry.mtimeMs > 0)).toBe(true);
  });

  it("reads each file's own bytes, small (pooled) and large alike, in order", async () => {
    const small = Buffer.from('Ünïcode wire copy');
    const large = Buffer.alloc(300_000, 7);
    writeFileSync(path.join(dir, 'small.txt'), small);
    writeFileSync(path.join(dir, 'large.bin'), large);
    const [readSmall, readLarge] = await files.read([path.join(dir, 'small.txt'), path.join(dir, 'large.bin')]);
    expect('bytes' in readSmall && readSmall.bytes.equals(small)).toBe(true);
    expect('bytes' in readSmall && readSmall.bytes.length).toBe(small.length);
    expect('bytes' in readLarge && readLarge.bytes.equals(large)).toBe(true);
  });

  it('works in a process run with a V8 flag that worker threads refuse (node --trace-gc)', async () => {
    const ownFiles = new DropDirectory();
    process.execArgv.push('--trace-gc');
    try {
      writeFileSync(path.join(dir, 'a.txt'), 'alpha');
      expect((await ownFiles.list(dir)).map((entry) => entry.name)).toEqual(['a.txt']);
    } finally {
      process.execArgv.pop();
      await ownFiles.close();
    }
  });

  it("gives a file that cannot be read its error, code included, and still reads the others", async () => {
    writeFileSync(path.join(dir, 'here.txt'), 'x');
    const [gone, here] = await files.read([path.join(dir, 'gone.txt'), path.join(dir, 'here.txt')]);
    expect('error' in gone && gone.error.code).toBe('ENOENT');
    expect('bytes' in here && here.bytes.toString()).toBe('x');
  });

  it('moves files into sub-folders it creates, skipping files already gone', async () => {
    writeFileSync(path.join(dir, 'sent.txt'), 'x');
    writeFileSync(path.join(dir, 'bad.txt'), 'y');
    await files.move(dir, [
      { name: 'sent.txt', folder: '.done' },
      { name: 'bad.txt', folder: '.refused' },
      { name: 'vanished.txt', folder: '.done' },
    ]);
    expect(readdirSync(path.join(dir, '.done'))).toEqual(['sent.txt']);
    expect(readdirSync(path.join(dir, '.refused'))).toEqual(['bad.txt']);
    expect(existsSync(path.join(dir, 'sent.txt'))).toBe(false);
  });

  /** A directory whose listing takes the worker tens of milliseconds: time enough to stop it meanwhile. */
  function crowdedDirectory(): string {
    const crowded = path.join(dir, 'crowded');
    mkdirSync(crowded);
    for (let index = 0; index < 5_000; index++) writeFileSync(path.join(crowded, `${index}.txt`), '');
    return crowded;
  }

  it('fails the calls of a worker that stops, and starts a new one for the next call', async () => {
    writeFileSync(path.join(dir, 'a.txt'), 'alpha');
    const pending = files.list(crowdedDirectory());
    await files.close();
    await expect(pending).rejects.toThrow(/worker exited/);
    expect((await files.list(dir)).map((entry) => entry.name)).toEqual(['a.txt']);
  });

  it("answers a call made while the previous worker is still stopping: only that worker's calls fail", async () => {
    writeFileSync(path.join(dir, 'a.txt'), 'alpha');
    const onOldWorker = files.list(crowdedDirectory());
    const closing = files.close();
    const onNewWorker = files.list(dir);
    await expect(onOldWorker).rejects.toThrow(/worker exited/);
    await closing;
    expect((await onNewWorker).map((entry) => entry.name)).toEqual(['a.txt']);
  });
});
