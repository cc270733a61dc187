import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { Logger } from '@nestjs/common';
import { ALL_TOPICS, MAX_MESSAGE_BYTES, namespacedTopic } from '@wirestream/contracts';
import { ConsumerRunner, KafkaEnvSchema, kafkaOptionsFromEnv, type ConsumerSpec } from '@wirestream/kafka';
import { HealthModule, SHUTDOWN_DEADLINE_MS, ServiceEnvSchema } from '@wirestream/service-kit';
import type { z } from 'zod';
import { REPO_ROOT } from '../repo-paths';
import { schemaProblems } from './kubernetes-schemas';
import { KustomizeError, renderKustomization, type KubernetesObject } from './kustomize-render';
import {
  checkConsumerAutoscaling,
  checkCpuAutoscaling,
  checkGracefulStop,
  checkProbesAndMetrics,
  checkResources,
  checkServiceDeployments,
  containerEnv,
  deploymentsOf,
  ofKind,
  podSpecOf,
  serviceContainer,
  type Container,
  type HealthRoutes,
  type Subscription,
} from './manifest-checks';

/*
 * The Kubernetes manifests, rendered the way `kubectl apply -k` would and schema-checked offline,
 * then held against facts read from the code itself: the services in services/, their health and
 * metrics routes, the topic and consumer group each worker really subscribes with, the topics and
 * message size TopicAdmin creates, their configuration schemas and their shutdown deadline.
 */

const K8S_DIR = path.join(REPO_ROOT, 'deploy', 'k8s');
const KUSTOMIZATIONS = ['base', 'overlays/example'];
/** The service that serves HTTP queries and scales on CPU rather than lag. */
const CPU_SCALED_SERVICE = 'api';
/** Read outside the services' config schemas: by libs/db (pool size) and the OpenTelemetry SDK (OTEL_*). */
const VARIABLES_READ_ELSEWHERE = [/^DATABASE_POOL_SIZE$/, /^OTEL_[A-Z_]+$/];

// Services import their siblings through the jest module mapper; require them by path at run time,
// since tools may not import services at build time (module boundaries).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireSource = (file: string): Record<string, unknown> => require(file);

const SERVICES = readdirSync(path.join(REPO_ROOT, 'services')).filter((name) =>
  existsSync(path.join(REPO_ROOT, 'services', name, 'src', 'main.ts')),
);

function sourceFiles(service: string, suffix: string): string[] {
  const dir = path.join(REPO_ROOT, 'services', service, 'src');
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.join(dir, file));
}

/** The ConsumerSpecs a service starts, from its *.consumer.ts classes with a recording runner. */
async function consumerSpecsOf(service: string): Promise<ConsumerSpec<never>[]> {
  const started: ConsumerSpec<never>[] = [];
  const recordingRunner = { start: async (spec: ConsumerSpec<never>) => void started.push(spec) };
  for (const file of sourceFiles(service, '.consumer.ts')) {
    for (const [name, exported] of Object.entries(requireSource(file))) {
      if (typeof exported !== 'function' || !name.endsWith('Consumer')) continue;
      const consumer = new (exported as new (...dependencies: unknown[]) => Record<string, () => Promise<void>>)(recordingRunner, {}, {}, {});
      await (consumer.onApplicationBootstrap ?? consumer.onModuleInit)?.call(consumer);
    }
  }
  return started;
}

/** The group and topic the real ConsumerRunner subscribes with for `spec` under `env`. */
async function subscriptionFor(spec: ConsumerSpec<never>, env: Record<string, string>): Promise<Subscription> {
  const subscription: Partial<Subscription> = {};
  const fakeConsumer = {
    events: { CRASH: 'consumer.crash' },
    on: () => undefined,
    connect: async () => undefined,
    subscribe: async ({ topic }: { topic: string }) => void (subscription.topic = topic),
    run: async () => undefined,
  };
  const fakeKafka = { consumer: ({ groupId }: { groupId: string }) => ((subscription.groupId = groupId), fakeConsumer) };
  const runner = new ConsumerRunner(fakeKafka as never, {} as never, kafkaOptionsFromEnv('manifest-check', env));
  await runner.start(spec);
  return subscription as Subscription;
}

/** Each service's configuration schemas: its own src/*.config.ts, the common one, and Kafka's if it uses Kafka. */
function configSchemasOf(service: string): z.ZodObject[] {
  const own = sourceFiles(service, '.config.ts').flatMap((file) =>
    Object.entries(requireSource(file))
      .filter(([name]) => name.endsWith('EnvSchema'))
      .map(([, schema]) => schema as z.ZodObject),
  );
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'services', service, 'package.json'), 'utf8'));
  return [...own, ServiceEnvSchema, ...('@wirestream/kafka' in dependencies ? [KafkaEnvSchema] : [])];
}

/** The GET routes of the health module's controllers, by handler name (`live`, `ready`, `metrics`). */
function healthRoutes(): HealthRoutes {
  const controllers = HealthModule.forChecks({ inject: [], useFactory: () => [] }).controllers ?? [];
  const routes: Record<string, string> = {};
  for (const controller of controllers) {
    const prefix = Reflect.getMetadata('path', controller) as string;
    for (const handlerName of Object.getOwnPropertyNames(controller.prototype)) {
      const routePath = Reflect.getMetadata('path', controller.prototype[handlerName]) as string | undefined;
      if (routePath !== undefined) routes[handlerName] = `/${[prefix, routePath].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/');
    }
  }
  return routes as unknown as HealthRoutes;
}

function job(objects: KubernetesObject[], name: string): KubernetesObject {
  const found = ofKind(objects, 'Job').find((candidate) => candidate.metadata.name === name);
  if (!found) throw new Error(`no Job ${name}`);
  return found;
}

const clone = (objects: KubernetesObject[]) => structuredClone(objects);

let consumerSpecs: Map<string, ConsumerSpec<never>[]>;
let subscriptions: Map<string, Subscription | undefined>;

/** The checks take a synchronous lookup; subscriptions are worked out per rendering beforehand. */
const subscriptionKey = (service: string, env: Record<string, string>) =>
  `${service}|${env.KAFKA_CONSUMER_GROUP_PREFIX ?? ''}|${env.KAFKA_TOPIC_NAMESPACE ?? ''}`;
const subscriptionOf = (service: string, env: Record<string, string>) => subscriptions.get(subscriptionKey(service, env));

async function learnSubscriptions(objects: KubernetesObject[]): Promise<void> {
  for (const service of SERVICES) {
    for (const deployment of deploymentsOf(objects, service)) {
      const env = containerEnv(objects, serviceContainer(deployment, service));
      const specs = consumerSpecs.get(service) ?? [];
      if (specs.length > 1) throw new Error(`${service} starts ${specs.length} consumers; the manifest checks expect one`);
      subscriptions.set(subscriptionKey(service, env), specs.length === 1 ? await subscriptionFor(specs[0], env) : undefined);
    }
  }
}

beforeAll(async () => {
  Logger.overrideLogger(false);
  consumerSpecs = new Map();
  subscriptions = new Map();
  for (const service of SERVICES) consumerSpecs.set(service, await consumerSpecsOf(service));
});

it('finds the services and the Kafka workers among them in the code', () => {
  expect(SERVICES).toEqual(expect.arrayContaining(['fetcher', 'normalizer', 'extractor', 'storage', 'api']));
  const workers = SERVICES.filter((service) => (consumerSpecs.get(service) ?? []).length > 0);
  expect(workers.sort()).toEqual(['extractor', 'normalizer', 'storage']);
});

describe.each(KUSTOMIZATIONS)('deploy/k8s/%s', (kustomization) => {
  let objects: KubernetesObject[];

  beforeAll(async () => {
    objects = renderKustomization(path.join(K8S_DIR, kustomization));
    await learnSubscriptions(objects);
  });

  it('renders, and every object passes its Kubernetes or KEDA schema', () => {
    expect(objects.length).toBeGreaterThan(10);
    expect(objects.flatMap(schemaProblems)).toEqual([]);
  });

  it('has one Deployment per service in services/', () => {
    expect(checkServiceDeployments(objects, SERVICES)).toEqual([]);
  });

  it('probes the real health routes on the HTTP port and has Prometheus scrape /metrics', () => {
    const routes = healthRoutes();
    expect(routes).toMatchObject({ live: expect.any(String), ready: expect.any(String), metrics: expect.any(String) });
    expect(checkProbesAndMetrics(objects, SERVICES, routes)).toEqual([]);
  });

  it('gives every container CPU and memory requests and limits', () => {
    expect(checkResources(objects)).toEqual([]);
  });

  it("lets every service finish its graceful stop before Kubernetes kills it", () => {
    expect(checkGracefulStop(objects, SERVICES, SHUTDOWN_DEADLINE_MS)).toEqual([]);
  });

  it('scales each Kafka worker on the lag of its real consumer group and topic', () => {
    expect(checkConsumerAutoscaling(objects, SERVICES, subscriptionOf)).toEqual([]);
    expect(ofKind(objects, 'ScaledObject')).toHaveLength([...consumerSpecs.values()].filter((specs) => specs.length > 0).length);
  });

  it(`scales the ${CPU_SCALED_SERVICE} on CPU`, () => {
    expect(checkCpuAutoscaling(objects, CPU_SCALED_SERVICE)).toEqual([]);
  });

  it("gives each service an environment its own configuration schemas accept, and no unknown variable", () => {
    for (const service of SERVICES) {
      for (const deployment of deploymentsOf(objects, service)) {
        const env = containerEnv(objects, serviceContainer(deployment, service));
        const schemas = configSchemasOf(service);
        for (const schema of schemas) {
          const parsed = schema.safeParse(env);
          expect({ service, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ service, issues: [] });
        }
        const known = new Set(schemas.flatMap((schema) => Object.keys(schema.shape)));
        const unknown = Object.keys(env).filter((name) => !known.has(name) && !VARIABLES_READ_ELSEWHERE.some((pattern) => pattern.test(name)));
        expect({ service, unknown }).toEqual({ service, unknown: [] });
      }
    }
  });

  it('keeps DATABASE_URL in a Secret, never in a ConfigMap', () => {
    for (const configMap of ofKind(objects, 'ConfigMap')) expect(Object.keys((configMap.data ?? {}) as object)).not.toContain('DATABASE_URL');
    for (const service of ['storage', 'api']) {
      for (const deployment of deploymentsOf(objects, service)) {
        expect(serviceContainer(deployment, service).envFrom).toContainEqual({ secretRef: { name: expect.any(String) } });
        expect(containerEnv(objects, serviceContainer(deployment, service)).DATABASE_URL).toMatch(/^postgres:\/\//);
      }
    }
  });

  it('runs the same wirestream image for every service and job that runs wirestream code', () => {
    const images = new Set(
      objects
        .filter((object) => ['Deployment', 'Job'].includes(object.kind))
        .flatMap((object) => [...(podSpecOf(object).initContainers ?? []), ...podSpecOf(object).containers])
        .filter((container: Container) => container.command?.[0] === 'node')
        .map((container: Container) => container.image),
    );
    expect(images.size).toBe(1);
  });

  it('creates every contract topic with the configured partitions, replication and message size in the topics job', () => {
    const createTopics = podSpecOf(job(objects, 'wirestream-topics')).containers[0];
    const env = containerEnv(objects, createTopics);
    const calls = runTopicsScript(createTopics, env);
    expect(calls.map((call) => call.topic).sort()).toEqual(ALL_TOPICS.map((topic) => namespacedTopic(topic, env.KAFKA_TOPIC_NAMESPACE)).sort());
    for (const call of calls) {
      expect(call).toMatchObject({
        bootstrapServer: env.KAFKA_BROKERS,
        create: true,
        ifNotExists: true,
        partitions: env.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: env.KAFKA_TOPIC_REPLICATION_FACTOR,
        configs: [`max.message.bytes=${MAX_MESSAGE_BYTES}`],
      });
    }
    // The namespace prefixes every topic, as the services' namespacedTopic does.
    const namespaced = runTopicsScript(createTopics, { ...env, KAFKA_TOPIC_NAMESPACE: 'tenant-a' });
    expect(namespaced.map((call) => call.topic).sort()).toEqual(ALL_TOPICS.map((topic) => namespacedTopic(topic, 'tenant-a')).sort());
  });

  it('runs the migrations in a job the way `npm run migration:run` does, and makes storage and the API wait for them', () => {
    const migrate = podSpecOf(job(objects, 'wirestream-migrations')).containers[0];
    const [node, cli, command, flag, dataSource] = migrate.command as string[];
    const script = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts['migration:run'] as string;
    expect(script).toContain(`typeorm ${command} ${flag} ${dataSource}`);
    expect(node).toBe('node');
    const typeormPackage = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'typeorm', 'package.json'), 'utf8'));
    expect(path.normalize(cli)).toBe(path.join('node_modules', 'typeorm', path.normalize(typeormPackage.bin.typeorm)));
    expect(existsSync(path.join(REPO_ROOT, dataSource.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    expect(containerEnv(objects, migrate).DATABASE_URL).toMatch(/^postgres:\/\//);

    for (const service of ['storage', 'api']) {
      for (const deployment of deploymentsOf(objects, service)) {
        const wait = (podSpecOf(deployment).initContainers ?? []).find((container: Container) => container.name === 'wait-for-migrations');
        expect(wait).toBeDefined();
        expect(wait.command).toEqual(['node', '-e']);
        expect(() => new vm.Script(`(function (require) {\n${wait.args[0]}\n})`)).not.toThrow();
        const requiredModules = [...(wait.args[0] as string).matchAll(/require\('([^']+)'\)/g)].map((match) => match[1]);
        expect(requiredModules).toEqual(['@wirestream/db']);
        expect(typeof requireSource(path.join(REPO_ROOT, 'libs', 'db', 'src', 'index.ts')).createDataSource).toBe('function');
        expect(containerEnv(objects, wait).DATABASE_URL).toBe(containerEnv(objects, serviceContainer(deployment, service)).DATABASE_URL);
      }
    }
  });
});

describe('deploy/k8s/overlays/example', () => {
  it('puts everything namespaced into its namespace and points the image at its registry', () => {
    const objects = renderKustomization(path.join(K8S_DIR, 'overlays', 'example'));
    expect(objects.filter((object) => object.kind !== 'Namespace').every((object) => object.metadata.namespace === 'wirestream')).toBe(true);
    const deployment = deploymentsOf(objects, 'extractor')[0];
    expect(serviceContainer(deployment, 'extractor').image).toBe('registry.example.com/wirestream:0.1.0');
  });
});

interface TopicsCall {
  topic?: string;
  bootstrapServer?: string;
  partitions?: string;
  replicationFactor?: string;
  configs: string[];
  create: boolean;
  ifNotExists: boolean;
}

/** Runs the topics job's shell script with a kafka-topics.sh that records its arguments. */
function runTopicsScript(container: Container, env: Record<string, string>): TopicsCall[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wirestream-topics-'));
  try {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const log = path.join(dir, 'calls.log');
    writeFileSync(path.join(bin, 'kafka-topics.sh'), `#!/bin/sh\nfor arg in "$@"; do printf '%s\\t' "$arg" >> '${log}'; done\necho >> '${log}'\n`);
    chmodSync(path.join(bin, 'kafka-topics.sh'), 0o755);
    const [shell, flag] = container.command as string[];
    expect([shell, flag]).toEqual(['/bin/sh', '-c']);
    execFileSync('sh', ['-c', container.args[0]], { env: { PATH: process.env.PATH, ...env, KAFKA_BIN: bin }, stdio: 'pipe' });
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const args = line.split('\t').filter((arg, index, all) => index < all.length - 1 || arg !== '');
        const valueOf = (name: string) => args[args.indexOf(name) + 1];
        return {
          topic: valueOf('--topic'),
          bootstrapServer: valueOf('--bootstrap-server'),
          partitions: valueOf('--partitions'),
          replicationFactor: valueOf('--replication-factor'),
          configs: args.flatMap((arg, index) => (args[index - 1] === '--config' ? [arg] : [])),
          create: args.includes('--create'),
          ifNotExists: args.includes('--if-not-exists'),
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the checks catch broken manifests', () => {
  let objects: KubernetesObject[];

  beforeAll(async () => {
    objects = renderKustomization(path.join(K8S_DIR, 'base'));
    await learnSubscriptions(objects);
  });

  const deploymentOf = (all: KubernetesObject[], service: string) => deploymentsOf(all, service)[0];

  it('rejects objects that break their schema, and kinds it has no schema for', () => {
    const deployment = structuredClone(deploymentOf(objects, 'normalizer'));
    (deployment.spec as Container).replicas = 'two';
    expect(schemaProblems(deployment).join()).toMatch(/replicas must be integer/);
    const withoutSelector = structuredClone(deploymentOf(objects, 'normalizer'));
    delete (withoutSelector.spec as Container).selector;
    expect(schemaProblems(withoutSelector).join()).toMatch(/selector/);
    const scaledObject = structuredClone(ofKind(objects, 'ScaledObject')[0]);
    (scaledObject.spec as Container).triggers[0].metadata.lagThreshold = 1000;
    expect(schemaProblems(scaledObject).join()).toMatch(/lagThreshold must be string/);
    expect(schemaProblems({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toHaveLength(1);
  });

  it('notices a missing service Deployment', () => {
    const withoutApi = objects.filter((object) => object !== deploymentOf(objects, 'api'));
    expect(checkServiceDeployments(withoutApi, SERVICES)).toEqual(['service api has 0 Deployments']);
  });

  it('notices a probe on a path the service does not serve', () => {
    const broken = clone(objects);
    serviceContainer(deploymentOf(broken, 'storage'), 'storage').readinessProbe.httpGet.path = '/healthz';
    expect(checkProbesAndMetrics(broken, SERVICES, healthRoutes())).toEqual([expect.stringContaining('storage: readinessProbe asks /healthz')]);
  });

  it('notices a lag trigger on a consumer group or topic the worker does not use', () => {
    const broken = clone(objects);
    const scaled = ofKind(broken, 'ScaledObject').find((object) => object.metadata.name === 'wirestream-extractor')!;
    (scaled.spec as Container).triggers[0].metadata.consumerGroup = 'wirestream-extractors';
    (scaled.spec as Container).triggers[0].metadata.topic = 'news.enriched.v1';
    expect(checkConsumerAutoscaling(broken, SERVICES, subscriptionOf)).toEqual([
      expect.stringContaining('trigger group wirestream-extractors'),
      expect.stringContaining('trigger topic news.enriched.v1'),
    ]);
  });

  it('notices more instances allowed than partitions, and a worker without a scaler', () => {
    const broken = clone(objects);
    (ofKind(broken, 'ScaledObject').find((object) => object.metadata.name === 'wirestream-storage')!.spec as Container).maxReplicaCount = 50;
    const withoutNormalizerScaler = broken.filter((object) => !(object.kind === 'ScaledObject' && object.metadata.name === 'wirestream-normalizer'));
    expect(checkConsumerAutoscaling(withoutNormalizerScaler, SERVICES, subscriptionOf)).toEqual([
      expect.stringContaining('normalizer: 0 ScaledObjects'),
      expect.stringContaining('storage: maxReplicaCount 50 exceeds'),
    ]);
  });

  it('notices a grace period shorter than the shutdown deadline, and a container without limits', () => {
    const broken = clone(objects);
    podSpecOf(deploymentOf(broken, 'extractor')).terminationGracePeriodSeconds = SHUTDOWN_DEADLINE_MS / 1000;
    delete serviceContainer(deploymentOf(broken, 'fetcher'), 'fetcher').resources.limits;
    expect(checkGracefulStop(broken, SERVICES, SHUTDOWN_DEADLINE_MS)).toEqual([expect.stringContaining('extractor: terminationGracePeriodSeconds')]);
    expect(checkResources(broken)).toEqual([expect.stringContaining('fetcher: no cpu limits'), expect.stringContaining('fetcher: no memory limits')]);
  });

  it('notices an API without a CPU autoscaler', () => {
    const broken = objects.filter((object) => object.kind !== 'HorizontalPodAutoscaler');
    expect(checkCpuAutoscaling(broken, CPU_SCALED_SERVICE)).toEqual([`${CPU_SCALED_SERVICE}: 0 HorizontalPodAutoscalers target its Deployment`]);
  });
});

describe('the renderer', () => {
  let dir: string;
  const deployment = (name: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: main\n          image: wirestream:1.0\n`;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wirestream-kustomize-'));
    write('base/kustomization.yaml', 'resources:\n  - app.yaml\n');
    write('base/app.yaml', deployment('app'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies namespace, labels, images and JSON 6902 patches from an overlay on its base', () => {
    write(
      'overlay/kustomization.yaml',
      [
        'namespace: prod',
        'resources: [../base]',
        'labels: [{pairs: {team: news}}]',
        'images: [{name: wirestream, newName: registry.example.com/wirestream, newTag: "2.0"}]',
        'patches:',
        '  - target: {kind: Deployment, name: app}',
        '    patch: |-',
        '      - {op: add, path: /spec/replicas, value: 3}',
      ].join('\n'),
    );
    const [rendered] = renderKustomization(path.join(dir, 'overlay'));
    expect(rendered.metadata).toEqual({ name: 'app', namespace: 'prod', labels: { team: 'news' } });
    expect((rendered.spec as Container).replicas).toBe(3);
    expect(podSpecOf(rendered).containers[0].image).toBe('registry.example.com/wirestream:2.0');
  });

  it.each([
    ['a kustomize feature it does not implement', 'resources: [../base]\nconfigMapGenerator: [{name: x, literals: [a=b]}]\n', /unsupported field\(s\) configMapGenerator/],
    ['a patch that matches nothing', 'resources: [../base]\npatches:\n  - target: {kind: Deployment, name: ap}\n    patch: "[{op: remove, path: /spec}]"\n', /matches no resource/],
    ['a patch on a path that does not exist', 'resources: [../base]\npatches:\n  - target: {kind: Deployment}\n    patch: "[{op: replace, path: /spec/replicas, value: 2}]"\n', /patch on Deployment app failed/],
    ['a resource defined twice', 'resources: [../base, ../base/app.yaml]\n', /defined twice/],
    ['a missing resource', 'resources: [../base, missing.yaml]\n', /does not exist/],
  ])('refuses %s', (_case, kustomization, message) => {
    write('overlay/kustomization.yaml', kustomization);
    expect(() => renderKustomization(path.join(dir, 'overlay'))).toThrow(KustomizeError);
    expect(() => renderKustomization(path.join(dir, 'overlay'))).toThrow(message);
  });
});
