import * as keda from '@kubernetes-models/keda';
import * as kubernetesModels from 'kubernetes-models';
import type { KubernetesObject } from './kustomize-render';

/**
 * Schema checks of rendered objects against the Kubernetes OpenAPI schemas and KEDA's CRD schemas,
 * as compiled into the pinned `kubernetes-models` and `@kubernetes-models/keda` packages: types,
 * required fields, enums and formats, offline. Like `kubectl apply` without strict field validation,
 * these schemas let unknown fields through; the manifest checks look for the fields that matter.
 */

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

function collectModels(namespace: unknown, registry: Map<string, ModelClass>, depth = 0): Map<string, ModelClass> {
  for (const value of Object.values(namespace as Record<string, unknown>)) {
    const model = value as Partial<ModelClass>;
    if (typeof value === 'function' && typeof model.apiVersion === 'string' && typeof model.kind === 'string') {
      registry.set(`${model.apiVersion}/${model.kind}`, value as ModelClass);
    } else if (value && typeof value === 'object' && depth < 3) {
      collectModels(value, registry, depth + 1);
    }
  }
  return registry;
}

const MODELS = collectModels(keda, collectModels(kubernetesModels, new Map()));

/** Every kind the schemas know, as `apiVersion/kind`. */
export function knownKinds(): string[] {
  return [...MODELS.keys()];
}

/** The schema violations of one object; an object of a kind with no schema is itself a violation. */
export function schemaProblems(object: KubernetesObject): string[] {
  const label = `${object.kind}/${object.metadata?.name}`;
  const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
  if (!Model) return [`${label}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${label}: ${(error as Error).message}`];
  }
}
