import fs from 'node:fs';
import { errorCode } from './infra-error';

export function readFileOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

export function lastLines(text: string, count: number): string {
  return text.replace(/\s+$/, '').split('\n').slice(-count).join('\n');
}
