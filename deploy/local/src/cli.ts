#!/usr/bin/env node
// The local infrastructure's command line: `npm run infra:up|down|status`, or `node deploy/local/dist/cli.js help`.
import { runInfraCommand } from './command-line/infra-commands';

void runInfraCommand(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
