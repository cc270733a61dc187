import { REPO_ROOT, SERVICE_NODE_FLAGS } from '@wirestream/harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The image's `ENV` settings of its last stage (the one that runs), as name → value. */
function runtimeEnvironment(dockerfile: string): Record<string, string> {
  const stages = dockerfile.split(/^FROM /m);
  const settings: Record<string, string> = {};
  for (const line of stages[stages.length - 1].split('\n').filter((row) => row.startsWith('ENV '))) {
    for (const [, name, quoted, bare] of line.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=(?:"([^"]*)"|(\S+))/g)) settings[name] = quoted ?? bare;
  }
  return settings;
}

describe('deploy/docker/Dockerfile', () => {
  const environment = runtimeEnvironment(readFileSync(path.join(REPO_ROOT, 'deploy', 'docker', 'Dockerfile'), 'utf8'));

  it('runs the services with the V8 heap settings the harness measures them with', () => {
    expect(environment.NODE_ENV).toBe('production');
    expect(environment.NODE_OPTIONS?.split(/\s+/)).toEqual(SERVICE_NODE_FLAGS);
  });
});
