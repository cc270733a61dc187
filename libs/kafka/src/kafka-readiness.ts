import type { Kafka } from 'kafkajs';

/** Ready when the broker answers a metadata request within the timeout. */
export function kafkaReadiness(kafka: Kafka, timeoutMs = 3_000) {
  const admin = kafka.admin();
  let connected: Promise<void> | null = null;
  return {
    name: 'kafka',
    async check(): Promise<{ ok: boolean; detail?: string }> {
      connected ??= admin.connect().catch((error: Error) => {
        connected = null;
        throw error;
      });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref());
      const cluster = await Promise.race([connected.then(() => admin.describeCluster()), timeout]);
      return { ok: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s)` };
    },
  };
}
