import { pipelineMetrics } from '@wirestream/telemetry';

/** Fetch-to-stored seconds of each story of a committed batch (the dashboard's end-to-end latency). */
export function observeStoryLatency(fetchedAt: string[], now = Date.now()): void {
  for (const at of fetchedAt) {
    const seconds = (now - Date.parse(at)) / 1000;
    // A fetch time ahead of this clock (another machine's) is skipped rather than counted as zero.
    if (Number.isFinite(seconds) && seconds >= 0) pipelineMetrics.storyLatency.observe(seconds);
  }
}
