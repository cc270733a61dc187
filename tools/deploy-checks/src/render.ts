import path from 'node:path';
import { schemaProblems } from './kubernetes-schemas';
import { KustomizeError, renderKustomization, toYaml } from './kustomize-render';

/**
 * `npm run k8s:render -- [deploy/k8s/overlays/example]`: prints what `kubectl apply -k` would
 * apply, after checking every object against its Kubernetes or KEDA schema (exit 1 on a problem).
 */
function main(): void {
  const dir = path.resolve(process.argv[2] ?? path.join('deploy', 'k8s', 'overlays', 'example'));
  try {
    const objects = renderKustomization(dir);
    const problems = objects.flatMap(schemaProblems);
    if (problems.length > 0) {
      process.stderr.write(`${problems.join('\n')}\n`);
      process.exit(1);
    }
    process.stdout.write(toYaml(objects));
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

main();
