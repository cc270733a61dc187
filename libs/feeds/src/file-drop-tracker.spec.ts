import { FileDropTracker, isHiddenOrTemporary } from './file-drop-tracker';

const story = (size: number, mtimeMs: number) => ({ name: 'story.txt', size, mtimeMs });

describe('FileDropTracker', () => {
  it('does not emit a file seen only once', () => {
    expect(new FileDropTracker().observe([story(100, 1000)])).toEqual([]);
  });

  it('emits a file once it is unchanged across two scans, and not again once marked emitted', () => {
    const tracker = new FileDropTracker();
    tracker.observe([story(100, 1000)]);
    expect(tracker.observe([story(100, 1000)])).toEqual(['story.txt']);
    tracker.markEmitted('story.txt', 100, 1000);
    expect(tracker.observe([story(100, 1000)])).toEqual([]);
    expect(tracker.observe([story(100, 1000)])).toEqual([]);
  });

  it('keeps offering a stable file until it is marked emitted, so a failed emission is retried', () => {
    const tracker = new FileDropTracker();
    tracker.observe([story(100, 1000)]);
    expect(tracker.observe([story(100, 1000)])).toEqual(['story.txt']);
    expect(tracker.observe([story(100, 1000)])).toEqual(['story.txt']);
  });

  it('waits while a file is still growing', () => {
    const tracker = new FileDropTracker();
    expect(tracker.observe([story(10, 1000)])).toEqual([]);
    expect(tracker.observe([story(50, 1100)])).toEqual([]);
    expect(tracker.observe([story(100, 1200)])).toEqual([]);
    expect(tracker.observe([story(100, 1200)])).toEqual(['story.txt']);
  });

  it('waits when only the mtime changed between scans', () => {
    const tracker = new FileDropTracker();
    tracker.observe([story(100, 1000)]);
    expect(tracker.observe([story(100, 2000)])).toEqual([]);
    expect(tracker.observe([story(100, 2000)])).toEqual(['story.txt']);
  });

  it('ignores hidden and temporary files, directories and empty files', () => {
    const tracker = new FileDropTracker();
    const entries = [
      { name: '.story.txt', size: 10, mtimeMs: 1 },
      { name: '~story.txt', size: 10, mtimeMs: 1 },
      { name: 'story.txt~', size: 10, mtimeMs: 1 },
      { name: 'story.tmp', size: 10, mtimeMs: 1 },
      { name: 'story.txt.part', size: 10, mtimeMs: 1 },
      { name: 'story.txt.crdownload', size: 10, mtimeMs: 1 },
      { name: '.story.txt.swp', size: 10, mtimeMs: 1 },
      { name: 'STORY.TMP', size: 10, mtimeMs: 1 },
      { name: 'archive', size: 4096, mtimeMs: 1, isFile: false },
      { name: 'empty.txt', size: 0, mtimeMs: 1 },
      { name: 'ready.txt', size: 10, mtimeMs: 1 },
    ];
    tracker.observe(entries);
    expect(tracker.observe(entries)).toEqual(['ready.txt']);
  });

  it('emits a file again when it changes after emission, once it is stable again', () => {
    const tracker = new FileDropTracker();
    tracker.observe([story(100, 1000)]);
    tracker.observe([story(100, 1000)]);
    tracker.markEmitted('story.txt', 100, 1000);
    expect(tracker.observe([story(120, 3000)])).toEqual([]);
    expect(tracker.observe([story(120, 3000)])).toEqual(['story.txt']);
    tracker.markEmitted('story.txt', 120, 3000);
    expect(tracker.observe([story(120, 3000)])).toEqual([]);
  });

  it('tracks files independently, and forgets a file that disappears', () => {
    const tracker = new FileDropTracker();
    const other = { name: 'other.txt', size: 5, mtimeMs: 7 };
    tracker.observe([story(100, 1000)]);
    expect(tracker.observe([story(100, 1000), other])).toEqual(['story.txt']);
    tracker.markEmitted('story.txt', 100, 1000);
    expect(tracker.observe([other])).toEqual(['other.txt']);
    // Gone from one scan, then back: seen once again, so not ready yet.
    expect(tracker.observe([story(100, 1000)])).toEqual([]);
    expect(tracker.observe([story(100, 1000)])).toEqual(['story.txt']);
  });
});

describe('isHiddenOrTemporary', () => {
  it('flags dot files, files in dot directories and temporary names, not ordinary copy', () => {
    expect(isHiddenOrTemporary('.DS_Store')).toBe(true);
    expect(isHiddenOrTemporary('.incoming/story.txt')).toBe(true);
    expect(isHiddenOrTemporary('upload.filepart')).toBe(true);
    expect(isHiddenOrTemporary('story.txt')).toBe(false);
    expect(isHiddenOrTemporary('2025/01/story.v2.xml')).toBe(false);
    expect(isHiddenOrTemporary('temporary-measures.txt')).toBe(false);
  });
});
