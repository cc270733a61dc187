/** One entry of a directory listing, as the service reads it (fs.stat). */
export interface DirectoryEntry {
  name: string;
  size: number;
  mtimeMs: number;
  /** False for directories, sockets and the like; a missing value means a regular file. */
  isFile?: boolean;
}

interface FileState {
  size: number;
  mtimeMs: number;
}

/** Editor swap files, partial downloads and the like, which are never copy. */
const TEMPORARY_SUFFIXES = ['.tmp', '.temp', '.part', '.partial', '.crdownload', '.download', '.filepart', '.swp', '.swx', '~'];

/** Whether a file name is hidden or temporary, so never emitted (each path segment is checked). */
export function isHiddenOrTemporary(name: string): boolean {
  const segments = name.split(/[\\/]/).filter((segment) => segment !== '');
  const base = segments.at(-1) ?? '';
  if (!base || segments.some((segment) => segment.startsWith('.'))) return true;
  const lower = base.toLowerCase();
  return base.startsWith('~') || TEMPORARY_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/**
 * File-drop bookkeeping as pure state: decides which entries of successive directory scans are
 * ready to emit.
 *
 * A file is ready when it is a regular, non-empty, non-hidden, non-temporary file whose size and
 * mtime were the same in two consecutive scans (a writer may still be writing), and it has not
 * been emitted with that size and mtime. It stays ready on later scans until `markEmitted` is
 * called, so a failed emission is retried. A file that changes after emission (new size or mtime)
 * is ready again once it is stable again; whether it is a new article is for its content hash to
 * say. A file that disappears from a scan is forgotten.
 */
export class FileDropTracker {
  private readonly lastSeen = new Map<string, FileState>();
  private readonly emitted = new Map<string, FileState>();

  /** Records one scan of the directory; returns the names ready to emit now. */
  observe(entries: ReadonlyArray<DirectoryEntry>): string[] {
    const ready: string[] = [];
    const present = new Set<string>();
    for (const entry of entries) {
      if (entry.isFile === false || isHiddenOrTemporary(entry.name)) continue;
      present.add(entry.name);
      const current = { size: entry.size, mtimeMs: entry.mtimeMs };
      const previous = this.lastSeen.get(entry.name);
      this.lastSeen.set(entry.name, current);
      if (!previous || !sameState(previous, current) || current.size === 0) continue;
      const emitted = this.emitted.get(entry.name);
      if (emitted && sameState(emitted, current)) continue;
      ready.push(entry.name);
    }
    for (const name of [...this.lastSeen.keys()]) {
      if (present.has(name)) continue;
      this.lastSeen.delete(name);
      this.emitted.delete(name);
    }
    return ready;
  }

  /** Records that the file was emitted at this size and mtime; it is not ready again until it changes. */
  markEmitted(name: string, size: number, mtimeMs: number): void {
    this.emitted.set(name, { size, mtimeMs });
  }
}

function sameState(a: FileState, b: FileState): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
