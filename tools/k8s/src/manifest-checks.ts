import { withFileVariables } from '@wirestream/service-kit';
import type { KubernetesObject } from './kustomize-render';

/**
 * Checks of rendered manifests against facts taken from the code (which services exist, their
 * health routes, consumer groups and topics, shutdown deadline). Each returns the problems it
 * finds, so a test can show that a broken manifest is caught as well as that ours passes.
 */

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
export function checkServiceDeployments(objects: KubernetesObject[], services: string[]): string[] {
  const problems = services.flatMap((service) => {
    const count = deploymentsOf(objects, service).length;
    return count === 1 ? [] : [`service ${service} has ${count} Deployments`];
  });
  for (const deployment of ofKind(objects, 'Deployment')) {
    if (!services.some((service) => deploymentsOf([deployment], service).length > 0)) {
      problems.push(`Deployment ${deployment.metadata.name} starts no known service`);
    }
  }
  return problems;
}

/** Probes on the real health routes and the container's HTTP port; Prometheus told where /metrics is. */
export function checkProbesAndMetrics(objects: KubernetesObject[], services: string[], routes: HealthRoutes): string[] {
  const problems: string[] = [];
  for (const service of services) {
    for (const deployment of deploymentsOf(objects, service)) {
      const container = serviceContainer(deployment, service);
      const httpPort = (container.ports ?? []).find((port: Container) => port.name === 'http')?.containerPort;
      const configuredPort = Number(containerEnv(objects, container).HTTP_PORT);
      if (httpPort === undefined || httpPort !== configuredPort) problems.push(`${service}: port "http" (${httpPort}) is not HTTP_PORT (${configuredPort})`);
      const expectedProbes: Array<[string, string]> = [
        ['livenessProbe', routes.live],
        ['readinessProbe', routes.ready],
        ['startupProbe', routes.live],
      ];
      for (const [probe, route] of expectedProbes) {
        const httpGet = container[probe]?.httpGet;
        if (!httpGet) problems.push(`${service}: no ${probe} over HTTP`);
        else if (httpGet.path !== route || (httpGet.port !== 'http' && httpGet.port !== httpPort)) {
          problems.push(`${service}: ${probe} asks ${httpGet.path} on ${httpGet.port}, not ${route} on the http port`);
        }
      }
      const annotations = (deployment.spec as any).template.metadata?.annotations ?? {};
      if (annotations['prometheus.io/scrape'] !== 'true') problems.push(`${service}: pods are not marked for scraping`);
      if (annotations['prometheus.io/path'] !== routes.metrics) problems.push(`${service}: scrape path ${annotations['prometheus.io/path']} is not ${routes.metrics}`);
      if (Number(annotations['prometheus.io/port']) !== httpPort) problems.push(`${service}: scrape port ${annotations['prometheus.io/port']} is not ${httpPort}`);
    }
  }
  return problems;
}

/** Every container of every workload (init containers and jobs too) has CPU and memory requests and limits. */
export function checkResources(objects: KubernetesObject[]): string[] {
  const problems: string[] = [];
  for (const workload of objects.filter((object) => ['Deployment', 'Job', 'StatefulSet', 'DaemonSet'].includes(object.kind))) {
    const spec = podSpecOf(workload);
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      for (const bound of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (!container.resources?.[bound]?.[resource]) problems.push(`${workload.kind} ${workload.metadata.name}/${container.name}: no ${resource} ${bound}`);
        }
      }
    }
  }
  return problems;
}

function preStopSleepSeconds(container: Container): number {
  const command: string[] = container.lifecycle?.preStop?.exec?.command ?? [];
  return command[0] === 'sleep' ? Number(command[1]) : Number(container.lifecycle?.preStop?.sleep?.seconds ?? 0);
}

/**
 * Kubernetes kills a pod `terminationGracePeriodSeconds` after SIGTERM (preStop included); the
 * services stop themselves within their shutdown deadline, and consumers hand in-flight work back
 * within KAFKA_SHUTDOWN_TIMEOUT_MS, which must come first.
 */
export function checkGracefulStop(objects: KubernetesObject[], services: string[], shutdownDeadlineMs: number): string[] {
  const problems: string[] = [];
  for (const service of services) {
    for (const deployment of deploymentsOf(objects, service)) {
      const container = serviceContainer(deployment, service);
      const graceMs = (podSpecOf(deployment).terminationGracePeriodSeconds ?? 30) * 1000;
      const neededMs = shutdownDeadlineMs + preStopSleepSeconds(container) * 1000;
      if (graceMs <= neededMs) problems.push(`${service}: terminationGracePeriodSeconds ${graceMs / 1000} is not above ${neededMs / 1000} s`);
      const consumerTimeout = containerEnv(objects, container).KAFKA_SHUTDOWN_TIMEOUT_MS;
      if (consumerTimeout !== undefined && Number(consumerTimeout) >= shutdownDeadlineMs) {
        problems.push(`${service}: KAFKA_SHUTDOWN_TIMEOUT_MS ${consumerTimeout} is not below the ${shutdownDeadlineMs} ms shutdown deadline`);
      }
    }
  }
  return problems;
}

/**
 * Each Kafka worker has one KEDA ScaledObject on its Deployment whose kafka trigger watches the
 * consumer group and topic the worker really uses, and stops at the topic's partition count; no
 * other service is scaled on lag, and autoscaled Deployments leave `replicas` to the autoscaler.
 */
export function checkConsumerAutoscaling(
  objects: KubernetesObject[],
  services: string[],
  subscriptionOf: (service: string, env: Record<string, string>) => Subscription | undefined,
): string[] {
  const problems: string[] = [];
  const scaledObjects = ofKind(objects, 'ScaledObject');
  for (const service of services) {
    for (const deployment of deploymentsOf(objects, service)) {
      const container = serviceContainer(deployment, service);
      const env = containerEnv(objects, container);
      const subscription = subscriptionOf(service, env);
      const scalers = scaledObjects.filter((scaled) => (scaled.spec as any).scaleTargetRef?.name === deployment.metadata.name);
      if (!subscription) {
        if (scalers.length > 0) problems.push(`${service} consumes nothing but is scaled by ${scalers.map((scaled) => scaled.metadata.name).join(', ')}`);
        continue;
      }
      if (scalers.length !== 1) {
        problems.push(`${service}: ${scalers.length} ScaledObjects target Deployment ${deployment.metadata.name}`);
        continue;
      }
      const spec = scalers[0].spec as any;
      if ((deployment.spec as any).replicas !== undefined) problems.push(`${service}: Deployment sets replicas, which fights the autoscaler`);
      const partitions = Number(env.KAFKA_TOPIC_PARTITIONS);
      if (!(spec.maxReplicaCount <= partitions)) problems.push(`${service}: maxReplicaCount ${spec.maxReplicaCount} exceeds the ${partitions} partitions`);
      if (!(spec.minReplicaCount >= 1)) problems.push(`${service}: minReplicaCount ${spec.minReplicaCount} leaves no consumer in the group`);
      const triggers = spec.triggers ?? [];
      if (triggers.length !== 1 || triggers[0].type !== 'kafka') {
        problems.push(`${service}: expected one kafka trigger`);
        continue;
      }
      const metadata = triggers[0].metadata ?? {};
      if (metadata.consumerGroup !== subscription.groupId) problems.push(`${service}: trigger group ${metadata.consumerGroup} is not the service's ${subscription.groupId}`);
      if (metadata.topic !== subscription.topic) problems.push(`${service}: trigger topic ${metadata.topic} is not the service's ${subscription.topic}`);
      const brokers = metadata.bootstrapServers ?? env[metadata.bootstrapServersFromEnv];
      if (brokers !== env.KAFKA_BROKERS) problems.push(`${service}: trigger brokers ${brokers} are not the service's ${env.KAFKA_BROKERS}`);
      if (metadata.offsetResetPolicy !== 'earliest') problems.push(`${service}: a new group starts from the earliest offset, the trigger says ${metadata.offsetResetPolicy}`);
    }
  }
  return problems;
}

/** A service scaled on CPU: an autoscaling/v2 HPA on its Deployment, whose containers request CPU. */
export function checkCpuAutoscaling(objects: KubernetesObject[], service: string): string[] {
  const problems: string[] = [];
  for (const deployment of deploymentsOf(objects, service)) {
    const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler').filter((hpa) => {
      const target = (hpa.spec as any).scaleTargetRef;
      return target?.kind === 'Deployment' && target.name === deployment.metadata.name;
    });
    if (autoscalers.length !== 1) {
      problems.push(`${service}: ${autoscalers.length} HorizontalPodAutoscalers target its Deployment`);
      continue;
    }
    const metrics = (autoscalers[0].spec as any).metrics ?? [];
    if (!metrics.some((metric: Container) => metric.type === 'Resource' && metric.resource?.name === 'cpu')) problems.push(`${service}: the HPA does not scale on CPU`);
    if ((deployment.spec as any).replicas !== undefined) problems.push(`${service}: Deployment sets replicas, which fights the autoscaler`);
    if (!serviceContainer(deployment, service).resources?.requests?.cpu) problems.push(`${service}: no CPU request to measure utilisation against`);
  }
  return problems;
}

/** The kinds whose pod template runs containers. */
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
