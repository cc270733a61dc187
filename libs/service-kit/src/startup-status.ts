/**
 * What a starting service is waiting for (the broker, the database), shown by /health/ready while
 * it starts, so an operator sees "Kafka at … not reachable" instead of a port that never opens.
 */
const waits = new Map<string, string>();

export function reportStartupWait(key: string, message: string): void {
  waits.set(key, message);
}

export function clearStartupWait(key: string): void {
  waits.delete(key);
}

export function startupWaitDetail(): string {
  return waits.size > 0 ? [...waits.values()].join('; ') : 'starting';
}
