import type { KubernetesObject } from './kustomize-render';
import { type Container, type PodSpec, containerEnv, deploymentsOf, ofKind, podSpecOf, serviceContainer } from './manifest-objects';

/** Checks of what the manifests expose: network policies, the admin surface, secrets mounted as files. Each returns the problems it finds. */

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML; the schemas were checked first */
const WORKLOAD_KINDS = ['Deployment', 'Job', 'StatefulSet', 'DaemonSet'];

function workloads(objects: KubernetesObject[]): KubernetesObject[] {
  return objects.filter((object) => WORKLOAD_KINDS.includes(object.kind));
}

function podLabelsOf(workload: KubernetesObject): Record<string, string> {
  return (workload.spec as any)?.template?.metadata?.labels ?? {};
}

/** Whether a label selector (matchLabels and matchExpressions; `{}` selects everything) selects `labels`. */
export function selectorMatches(selector: Container | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every((expression: Container) => {
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && expression.values.includes(value);
      case 'NotIn':
        return value === undefined || !expression.values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return byLabels && byExpressions;
}

/** The container port a Service targetPort or NetworkPolicy port (a number or a port name) means on a pod. */
function containerPortNumber(podSpec: PodSpec, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  for (const container of podSpec.containers ?? []) {
    const found = (container.ports ?? []).find((candidate: Container) => candidate.name === port);
    if (found) return found.containerPort;
  }
  return undefined;
}

const sameNamespace = (a: KubernetesObject, b: KubernetesObject) => (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '');

function ingressPoliciesSelecting(objects: KubernetesObject[], workload: KubernetesObject): KubernetesObject[] {
  return ofKind(objects, 'NetworkPolicy').filter((policy) => {
    const spec = policy.spec as any;
    // policyTypes unset means Ingress (plus Egress when egress rules are given).
    const isolatesIngress = !spec.policyTypes || spec.policyTypes.includes('Ingress');
    return sameNamespace(policy, workload) && isolatesIngress && selectorMatches(spec.podSelector, podLabelsOf(workload));
  });
}

/**
 * Every workload's pods are isolated for ingress by at least one NetworkPolicy, every Deployment's
 * also by a policy of its own (not only the default deny), and each ingress rule that applies to
 * them names its ports (a rule without ports admits every port) as ports the pods declare.
 */
export function checkNetworkPolicies(objects: KubernetesObject[]): string[] {
  const problems: string[] = [];
  for (const workload of workloads(objects)) {
    const label = `${workload.kind} ${workload.metadata.name}`;
    const policies = ingressPoliciesSelecting(objects, workload);
    if (policies.length === 0) {
      problems.push(`${label}: no NetworkPolicy selects its pods for ingress`);
      continue;
    }
    if (workload.kind === 'Deployment' && !policies.some((policy) => (policy.spec as any).ingress?.length > 0)) {
      problems.push(`${label}: only deny-all NetworkPolicies select its pods: none of its own says who may connect`);
    }
    for (const policy of policies) {
      for (const [index, rule] of (((policy.spec as any).ingress ?? []) as Container[]).entries()) {
        if (!rule.ports?.length) {
          problems.push(`${label}: NetworkPolicy ${policy.metadata.name} ingress rule ${index} admits every port`);
          continue;
        }
        for (const port of rule.ports) {
          if (containerPortNumber(podSpecOf(workload), port.port) === undefined) {
            problems.push(`${label}: NetworkPolicy ${policy.metadata.name} admits port ${port.port}, which its pods do not declare`);
          }
        }
      }
    }
  }
  return problems;
}

/** A service with admin routes (routes that change what it does) and their default port. */
export interface AdminSurface {
  service: string;
  defaultPort: number;
}

/**
 * Admin routes stay unreachable from the network: the service listens for them on loopback
 * (ADMIN_HTTP_HOST), no Service forwards to their port or to a port named `admin`, and no
 * NetworkPolicy admits their port.
 */
export function checkAdminNotExposed(objects: KubernetesObject[], surfaces: AdminSurface[], isLoopback: (host: string) => boolean): string[] {
  const problems: string[] = [];
  const adminPorts = new Set<number>();
  for (const { service, defaultPort } of surfaces) {
    for (const deployment of deploymentsOf(objects, service)) {
      const env = containerEnv(objects, serviceContainer(deployment, service));
      const host = env.ADMIN_HTTP_HOST || '127.0.0.1';
      if (!isLoopback(host)) problems.push(`${service}: ADMIN_HTTP_HOST ${host} is not loopback`);
      adminPorts.add(env.ADMIN_HTTP_PORT ? Number(env.ADMIN_HTTP_PORT) : defaultPort);
    }
  }
  for (const service of ofKind(objects, 'Service')) {
    const selector = (service.spec as any)?.selector;
    const selected = workloads(objects).filter((workload) => sameNamespace(service, workload) && selector && selectorMatches({ matchLabels: selector }, podLabelsOf(workload)));
    for (const port of ((service.spec as any)?.ports ?? []) as Container[]) {
      const targetPort = port.targetPort ?? port.port;
      const targets = selected.map((workload) => containerPortNumber(podSpecOf(workload), targetPort));
      const onAdmin = [port.name, targetPort].includes('admin') || adminPorts.has(port.port) || targets.some((target) => target !== undefined && adminPorts.has(target));
      if (onAdmin) problems.push(`Service ${service.metadata.name}: port ${port.name ?? port.port} reaches an admin port`);
    }
  }
  for (const policy of ofKind(objects, 'NetworkPolicy')) {
    const selected = workloads(objects).filter((workload) => sameNamespace(policy, workload) && selectorMatches((policy.spec as any).podSelector, podLabelsOf(workload)));
    for (const rule of ((policy.spec as any).ingress ?? []) as Container[]) {
      for (const port of rule.ports ?? []) {
        const targets = selected.map((workload) => containerPortNumber(podSpecOf(workload), port.port));
        if (port.port === 'admin' || targets.some((target) => target !== undefined && adminPorts.has(target))) {
          problems.push(`NetworkPolicy ${policy.metadata.name}: admits admin port ${port.port}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Secrets reach containers as files only: no `envFrom` Secret, no `secretKeyRef` variable except the
 * `allowed` ones (`Kind/name/container/VARIABLE`, each documented in its manifest). Secret volumes
 * are mounted read-only, with no write or world bits, group-readable through the pod's fsGroup so a
 * non-root user can read them (kubelet writes them root-owned).
 */
export function checkSecretsAsFiles(objects: KubernetesObject[], allowed: string[]): string[] {
  const problems: string[] = [];
  for (const workload of workloads(objects)) {
    const podSpec = podSpecOf(workload);
    const label = `${workload.kind} ${workload.metadata.name}`;
    const secretVolumes = new Map<string, Container>(
      (podSpec.volumes ?? []).filter((volume: Container) => volume.secret).map((volume: Container) => [volume.name, volume.secret]),
    );
    for (const container of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])]) {
      for (const source of container.envFrom ?? []) {
        if (source.secretRef) problems.push(`${label}/${container.name}: envFrom Secret ${source.secretRef.name} (mount it as files instead)`);
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref && !allowed.includes(`${workload.kind}/${workload.metadata.name}/${container.name}/${variable.name}`)) {
          problems.push(`${label}/${container.name}: ${variable.name} from Secret ${ref.name} (use ${variable.name}_FILE and a mounted Secret)`);
        }
      }
      for (const mount of container.volumeMounts ?? []) {
        if (secretVolumes.has(mount.name) && mount.readOnly !== true) problems.push(`${label}/${container.name}: Secret volume ${mount.name} is not mounted readOnly`);
      }
    }
    for (const [name, secret] of secretVolumes) {
      const modes: number[] = [secret.defaultMode ?? 0o644, ...(secret.items ?? []).flatMap((item: Container) => (item.mode === undefined ? [] : [item.mode]))];
      for (const mode of modes) {
        if ((mode & 0o227) !== 0) problems.push(`${label}: Secret volume ${name} mode 0${mode.toString(8)} has write or world bits`);
        const runsAsRoot = podSpec.securityContext?.runAsUser === 0;
        if (!runsAsRoot && !(mode & 0o040 && podSpec.securityContext?.fsGroup !== undefined)) {
          problems.push(`${label}: Secret volume ${name} mode 0${mode.toString(8)} is unreadable by a non-root user without fsGroup and group read`);
        }
      }
    }
  }
  return problems;
}
