import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reportBenchResult } from './bench-result';

describe('reportBenchResult', () => {
  let dir: string;
  let printed: string[];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-result-'));
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the result as one JSON line and writes nothing without --save', () => {
    expect(reportBenchResult('bench:storage', { articlesPerSec: 512 }, { save: false, argv: [], dir })).toBeNull();
    expect(printed).toEqual(['{"articlesPerSec":512}']);
  });

  it('with --save, keeps the result with the command that reproduces it and the day', () => {
    const file = reportBenchResult('bench:storage', { articlesPerSec: 512 }, { save: true, argv: ['--articles', '3000', '--save'], dir, now: new Date('2026-12-06T19:00:00Z') });
    expect(file).toBe(path.join(dir, 'storage.json'));
    const saved = JSON.parse(readFileSync(file!, 'utf8'));
    expect(saved).toMatchObject({ bench: 'bench:storage', command: 'npm run bench:storage -- --articles 3000 --save', measuredOn: '2026-12-06', result: { articlesPerSec: 512 } });
    expect(saved.machine.cpus).toBeGreaterThan(0);
  });
});
