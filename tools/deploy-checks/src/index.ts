// What the end-to-end tests reuse: the dashboards' and alert rules' metric names, to compare with a scrape.
export * from './observability-files';
export * from './promql-metrics';
