/** Where progress lines go: the command line prints them, the test setup prefixes them. */
export type Log = (line: string) => void;
export interface LogOption {
  log?: Log;
}

export const defaultLog: Log = (line) => console.log(line);
