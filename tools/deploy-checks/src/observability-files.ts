import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { metricNamesIn } from './promql-metrics';

/** The dashboards and alert rules users load into Grafana and Prometheus, under deploy/observability. */
export function observabilityDir(repoRoot: string): string {
  return path.join(repoRoot, 'deploy', 'observability');
}

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/** Prometheus's rule-file format (https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/). */
export const RuleFileSchema = z
  .object({
    groups: z
      .array(
        z
          .object({
            name: z.string().min(1),
            interval: z.string().regex(DURATION).optional(),
            limit: z.number().int().nonnegative().optional(),
            rules: z
              .array(
                z
                  .object({
                    alert: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/).optional(),
                    record: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/).optional(),
                    expr: z.string().min(1),
                    for: z.string().regex(DURATION).optional(),
                    keep_firing_for: z.string().regex(DURATION).optional(),
                    labels: z.record(z.string(), z.string()).optional(),
                    annotations: z.record(z.string(), z.string()).optional(),
                  })
                  .strict()
                  .refine((rule) => (rule.alert === undefined) !== (rule.record === undefined), 'a rule is either an alert or a record')
                  .refine((rule) => rule.record === undefined || (rule.for === undefined && rule.annotations === undefined), 'a recording rule takes no for or annotations'),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type RuleFile = z.infer<typeof RuleFileSchema>;

export function readRuleFile(file: string): RuleFile {
  return RuleFileSchema.parse(parseYaml(readFileSync(file, 'utf8')));
}

interface DashboardPanel {
  title?: string;
  targets?: Array<{ expr?: string }>;
  panels?: DashboardPanel[];
}

/** Every PromQL expression of a Grafana dashboard's panels (rows' nested panels included), by panel title. */
export function dashboardQueries(dashboard: { panels?: DashboardPanel[] }): Array<{ panel: string; expr: string }> {
  const queries: Array<{ panel: string; expr: string }> = [];
  const visit = (panels: DashboardPanel[] = []) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) if (target.expr) queries.push({ panel: panel.title ?? '(untitled)', expr: target.expr });
      visit(panel.panels);
    }
  };
  visit(dashboard.panels);
  return queries;
}

/** Metric names the dashboards and alert rules under `dir` read, each with where it is read. */
export function metricsReadBy(dir: string): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const note = (expr: string, where: string) => {
    for (const name of metricNamesIn(expr)) readers.set(name, [...(readers.get(name) ?? []), where]);
  };
  const dashboard = JSON.parse(readFileSync(path.join(dir, 'grafana', 'wirestream-pipeline.json'), 'utf8'));
  for (const { panel, expr } of dashboardQueries(dashboard)) note(expr, `dashboard panel "${panel}"`);
  for (const group of readRuleFile(path.join(dir, 'prometheus', 'alerts.yaml')).groups) {
    for (const rule of group.rules) note(rule.expr, `rule ${rule.alert ?? rule.record}`);
  }
  return readers;
}
