import { withFileVariables } from '@wirestream/service-kit';
import type { KubernetesObject } from './kustomize-render';

/** Finding things in rendered manifests: objects by kind and name, pod specs, containers, their environment and mounted files. */

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML; the schemas were checked first */
export type Container = Record<string, any>;
export type PodSpec = Record<string, any>;

export interface HealthRoutes {
  live: string;
  ready: string;
  metrics: string;
}

export interface Subscription {
  groupId: string;
  topic: string;
}

export function ofKind(objects: KubernetesObject[], kind: string): KubernetesObject[] {
  return objects.filter((object) => object.kind === kind);
}

function named(objects: KubernetesObject[], kind: string, name: string): KubernetesObject | undefined {
  return objects.find((object) => object.kind === kind && object.metadata.name === name);
}

export function podSpecOf(object: KubernetesObject): PodSpec {
  return (object.spec as any)?.template?.spec ?? {};
}

/** The command that starts a service in the shared image. */
export function serviceEntryCommand(service: string): string {
  return `services/${service}/dist/main.js`;
}

/** The Deployments whose main container starts `service`. */
export function deploymentsOf(objects: KubernetesObject[], service: string): KubernetesObject[] {
  return ofKind(objects, 'Deployment').filter((deployment) =>
    (podSpecOf(deployment).containers ?? []).some((container: Container) => (container.command ?? []).includes(serviceEntryCommand(service))),
  );
}

export function serviceContainer(deployment: KubernetesObject, service: string): Container {
  return podSpecOf(deployment).containers.find((container: Container) => container.command?.includes(serviceEntryCommand(service)));
}

/** The environment a container sees: envFrom ConfigMaps and Secrets, then env (which wins). */
export function containerEnv(objects: KubernetesObject[], container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const configMap = named(objects, 'ConfigMap', source.configMapRef.name);
      if (!configMap) throw new Error(`ConfigMap ${source.configMapRef.name} is not in the manifests`);
      Object.assign(env, configMap.data ?? {});
    }
    if (source.secretRef) {
      const secret = named(objects, 'Secret', source.secretRef.name);
      if (!secret) throw new Error(`Secret ${source.secretRef.name} is not in the manifests`);
      for (const [key, value] of Object.entries((secret.data ?? {}) as Record<string, string>)) env[key] = Buffer.from(value, 'base64').toString('utf8');
      Object.assign(env, secret.stringData ?? {});
    }
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = variable.value;
    const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
    if (ref) {
      const kind = variable.valueFrom.secretKeyRef ? 'Secret' : 'ConfigMap';
      const value = keyOf(named(objects, kind, ref.name), ref.key);
      if (value !== undefined) env[variable.name] = value;
      else if (!ref.optional) throw new Error(`${kind} ${ref.name} with key ${ref.key} is not in the manifests`);
    }
  }
  return env;
}

/** A key of a Secret (stringData over data) or ConfigMap, as its mounted file or variable holds it. */
function keyOf(object: KubernetesObject | undefined, key: string): string | undefined {
  if (!object) return undefined;
  if (object.kind === 'ConfigMap') return ((object.data ?? {}) as Record<string, string>)[key];
  const stringData = (object.stringData ?? {}) as Record<string, string>;
  if (key in stringData) return stringData[key];
  const data = ((object.data ?? {}) as Record<string, string>)[key];
  return data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8');
}

/** A file a container sees on a Secret or ConfigMap volume, and what it holds if the manifests say. */
export interface MountedFile {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  key: string;
  optional: boolean;
  /** Undefined when the Secret or ConfigMap is not among the manifests (or lacks the key). */
  content?: string;
}

function volumeSource(volume: Container): { kind: 'Secret' | 'ConfigMap'; name: string; items?: Container[]; optional: boolean } | undefined {
  if (volume.secret) return { kind: 'Secret', name: volume.secret.secretName, items: volume.secret.items, optional: volume.secret.optional === true };
  if (volume.configMap) return { kind: 'ConfigMap', name: volume.configMap.name, items: volume.configMap.items, optional: volume.configMap.optional === true };
  return undefined;
}

/** Which Secret or ConfigMap key `file` is in `container` of `podSpec`, through its volume mounts. */
export function mountedFile(objects: KubernetesObject[], podSpec: PodSpec, container: Container, file: string): MountedFile | undefined {
  for (const mount of container.volumeMounts ?? []) {
    const volume = (podSpec.volumes ?? []).find((candidate: Container) => candidate.name === mount.name);
    const source = volume && volumeSource(volume);
    if (!source) continue;
    const mountPath = String(mount.mountPath).replace(/\/+$/, '');
    const relative = mount.subPath ? (file === mountPath ? mount.subPath : undefined) : file.startsWith(`${mountPath}/`) ? file.slice(mountPath.length + 1) : undefined;
    if (relative === undefined) continue;
    const key = source.items ? source.items.find((item: Container) => item.path === relative)?.key : relative;
    if (key === undefined) continue;
    return { kind: source.kind, name: source.name, key, optional: source.optional, content: keyOf(named(objects, source.kind, source.name), key) };
  }
  return undefined;
}

/**
 * What the service's parseConfig makes of the container's environment for the variables `names`:
 * `NAME_FILE` read into `NAME` (less one trailing newline) from the Secret or ConfigMap volume that
 * holds it, with the problems parseConfig would refuse to start on. A file from an optional Secret
 * that is not in the manifests does not exist, as in a pod where that Secret was never created.
 */
export function withMountedFileVariables(
  objects: KubernetesObject[],
  podSpec: PodSpec,
  container: Container,
  names: string[],
): { values: Record<string, string>; problems: string[] } {
  const env = containerEnv(objects, container);
  // The services' own rule (parseConfig's), reading files from the pod's Secret and ConfigMap volumes.
  const { values, problems } = withFileVariables(names, env, (file) => {
    const mounted = mountedFile(objects, podSpec, container, file);
    if (!mounted) throw new Error(`${file} is on no Secret or ConfigMap volume of container ${container.name}`);
    if (mounted.content !== undefined) return mounted.content;
    if (mounted.optional) throw new Error(`${file} does not exist while the optional ${mounted.kind} ${mounted.name} is absent, and the service refuses to start`);
    throw new Error(`${mounted.kind} ${mounted.name} with key ${mounted.key} is not in the manifests`);
  });
  return { values: values as Record<string, string>, problems };
}

/** Every service has exactly one Deployment, and no Deployment starts something that is not a service. */
