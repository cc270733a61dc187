import { REPO_ROOT } from '@wirestream/harness';
import { metricsRegistry } from '@wirestream/telemetry';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { metricsReadBy, observabilityDir, readRuleFile } from './observability-files';
import { metricFamilyOf, metricNamesIn } from './promql-metrics';

/** Series Prometheus makes itself for every target, not the services. */
const PROMETHEUS_OWN = new Set(['up']);

describe('metricNamesIn', () => {
  it('finds the metrics of an expression, not its functions, labels, groupings or ranges', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (stage, le) (rate(wirestream_processing_seconds_bucket{stage="storage"}[5m])))')).toEqual([
      'wirestream_processing_seconds_bucket',
    ]);
    expect(metricNamesIn('sum by (source) (increase(a_total{outcome=~"failed|refused"}[1h])) >= 3 unless sum by (source) (increase(b_total[1h])) > 0')).toEqual([
      'a_total',
      'b_total',
    ]);
    expect(metricNamesIn('sum(rate(x_total[5m])) / clamp_min(sum(rate(y_total[5m])), 1e-9) > 0.05')).toEqual(['x_total', 'y_total']);
    expect(metricNamesIn('up{service=~"wirestream-.*"} == 0 and on (service) z offset 5m')).toEqual(['up', 'z']);
  });

  it('reads histogram series as their family', () => {
    expect(['a_bucket', 'a_sum', 'a_count', 'b_total'].map(metricFamilyOf)).toEqual(['a', 'a', 'a', 'b_total']);
  });
});

describe('alert rules (deploy/observability/prometheus/alerts.yaml)', () => {
  it('are a valid Prometheus rule file with a summary and description for every alert', () => {
    const rules = readRuleFile(path.join(observabilityDir(REPO_ROOT), 'prometheus', 'alerts.yaml')).groups.flatMap((group) => group.rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const rule of rules) expect(Object.keys(rule.annotations ?? {})).toEqual(expect.arrayContaining(['summary', 'description']));
  });

  it('refuses a rule file Prometheus would refuse', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    try {
      const write = (text: string) => {
        const file = path.join(dir, 'rules.yaml');
        writeFileSync(file, text);
        return () => readRuleFile(file);
      };
      expect(write('groups:\n  - name: g\n    rules:\n      - alert: A\n        for: 5 minutes\n        expr: up == 0\n')).toThrow(/for/);
      expect(write('groups:\n  - name: g\n    rules:\n      - alert: A\n        record: b\n        expr: up == 0\n')).toThrow(/either an alert or a record/);
      expect(write('groups:\n  - name: g\n    rules:\n      - alert: A\n')).toThrow(/expr/);
      expect(write('groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        severity: page\n')).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dashboard and alert rules read only metrics the services declare', () => {
  it('every metric they read is registered in @wirestream/telemetry (or made by Prometheus itself)', async () => {
    const declared = new Set((await metricsRegistry.getMetricsAsJSON()).map((metric) => metric.name));
    const readers = metricsReadBy(observabilityDir(REPO_ROOT));
    expect(readers.size).toBeGreaterThan(5);
    const unknown = [...readers].filter(([name]) => !PROMETHEUS_OWN.has(name) && !declared.has(metricFamilyOf(name))).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(unknown).toEqual([]);
  });
});
