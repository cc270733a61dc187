export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds since `startMs` with one decimal, for "… in 12.5 s" lines. */
export const secondsSince = (startMs: number): string => ((Date.now() - startMs) / 1000).toFixed(1);
