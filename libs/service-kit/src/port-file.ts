import { renameSync, writeFileSync } from 'node:fs';

/** Written whole or not at all (a rename), so a reader never sees half a number. */
export function writePortFile(file: string, port: number): void {
  writeFileSync(`${file}.tmp`, String(port));
  renameSync(`${file}.tmp`, file);
}
