import type { KubernetesObject } from './kustomize-render';
import { type Container, type HealthRoutes, type Subscription, containerEnv, deploymentsOf, ofKind, podSpecOf, serviceContainer } from './manifest-objects';

/**
 * Checks of the workloads against facts taken from the code (which services exist, their health
 * routes, consumer groups and topics, shutdown deadline). Each returns the problems it finds, so a
 * test can show that a broken manifest is caught as well as that ours passes.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML; the schemas were checked first */
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
