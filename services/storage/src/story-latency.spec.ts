import { pipelineMetrics } from '@wirestream/telemetry';
import { observeStoryLatency } from './story-latency';

async function observed(): Promise<{ count: number; sum: number }> {
  const { values } = await pipelineMetrics.storyLatency.get();
  const pick = (suffix: string) => values.find((value) => value.metricName === `wirestream_story_latency_seconds_${suffix}`)?.value ?? 0;
  return { count: pick('count'), sum: pick('sum') };
}

describe('story latency', () => {
  it('observes fetch-to-stored seconds per story, skipping fetch times ahead of the clock', async () => {
    const before = await observed();
    const now = Date.parse('2026-12-06T12:00:10Z');
    observeStoryLatency(['2026-12-06T12:00:00Z', '2026-12-06T11:59:58Z', '2026-12-06T12:05:00Z', 'not a date'], now);
    const after = await observed();
    expect(after.count - before.count).toBe(2);
    expect(after.sum - before.sum).toBeCloseTo(22, 6);
  });
});
