import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { Logger } from '@nestjs/common';
import { ALL_TOPICS, MAX_MESSAGE_BYTES, namespacedTopic } from '@wirestream/contracts';
import { API_READER_ROLE } from '@wirestream/db';
import { ConsumerRunner, KafkaEnvSchema, kafkaOptionsFromEnv, type ConsumerSpec } from '@wirestream/kafka';
import { AdminEnvSchema, HealthModule, SHUTDOWN_DEADLINE_MS, ServiceEnvSchema, isLoopbackHost } from '@wirestream/service-kit';
import type { z } from 'zod';
import { REPO_ROOT } from '@wirestream/harness';
import { schemaProblems } from './kubernetes-schemas';
import { KustomizeError, renderKustomization, type KubernetesObject } from './kustomize-render';
import { containerEnv, deploymentsOf, mountedFile, ofKind, podSpecOf, serviceContainer, withMountedFileVariables, type Container, type HealthRoutes, type Subscription } from './manifest-objects';
import { checkConsumerAutoscaling, checkCpuAutoscaling, checkGracefulStop, checkProbesAndMetrics, checkResources, checkServiceDeployments } from './workload-checks';
import { checkAdminNotExposed, checkNetworkPolicies, checkSecretsAsFiles, type AdminSurface } from './exposure-checks';

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
/** The variable holding each database-using service's Postgres URL (each given as `<variable>_FILE`). */
const DATABASE_URL_VARIABLES: Record<string, string> = { storage: 'DATABASE_URL', api: 'API_DATABASE_URL', fetcher: 'FETCHER_STATE_DATABASE_URL' };
/**
 * Secrets taken as variables rather than files, each explained in its manifest: the migrations job
 * runs the TypeORM CLI, whose data source (libs/db migration-cli.data-source) reads DATABASE_URL only.
 */
const SECRET_VARIABLES_ALLOWED: string[] = [];

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

/** Services with admin routes and their default admin port: the `admin` surface their main.ts gives bootstrapService. */
function adminSurfaces(): AdminSurface[] {
  return SERVICES.flatMap((service) => {
    const main = readFileSync(path.join(REPO_ROOT, 'services', service, 'src', 'main.ts'), 'utf8');
    const match = /\badmin:\s*\{[^}]*\bdefaultPort:\s*(\d+)/.exec(main);
    return match ? [{ service, defaultPort: Number(match[1]) }] : [];
  });
}

const ADMIN_SURFACES = adminSurfaces();

/**
 * Each service's configuration schemas: its own src/*.config.ts, the common one, the admin surface's
 * if it has one, and Kafka's if it uses Kafka.
 */
function configSchemasOf(service: string): z.ZodObject[] {
  const own = sourceFiles(service, '.config.ts').flatMap((file) =>
    Object.entries(requireSource(file))
      .filter(([name]) => name.endsWith('EnvSchema'))
      .map(([, schema]) => schema as z.ZodObject),
  );
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'services', service, 'package.json'), 'utf8'));
  const admin = ADMIN_SURFACES.some((surface) => surface.service === service) ? [AdminEnvSchema] : [];
  return [...own, ServiceEnvSchema, ...admin, ...('@wirestream/kafka' in dependencies ? [KafkaEnvSchema] : [])];
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

/**
 * Runs a wait-for-migrations script with stubs for node:fs (files as the pod's volumes hold them)
 * and @wirestream/db (a database with nothing pending): the URLs it passed createDataSource, once it exited.
 */
async function waitScriptDatabaseUrls(script: string, env: Record<string, string>, readFile: (file: string) => string): Promise<Array<string | undefined>> {
  const urls: Array<string | undefined> = [];
  const modules: Record<string, unknown> = {
    'node:fs': { readFileSync: (file: string) => readFile(file) },
    '@wirestream/db': {
      createDataSource: (url?: string) => {
        urls.push(url);
        return { isInitialized: false, initialize: async () => undefined, showMigrations: async () => false, destroy: async () => undefined };
      },
    },
  };
  const requireStub = (name: string) => {
    if (!(name in modules)) throw new Error(`the script requires ${name}`);
    return modules[name];
  };
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('the script did not exit')), 2000);
    const run = new vm.Script(`(function (require, process) {\n${script}\n})`).runInThisContext() as (...args: unknown[]) => void;
    run(requireStub, { env, exit: () => resolve() });
  }).finally(() => clearTimeout(timer));
  return urls;
}

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
    const found = [];
    for (const service of SERVICES) {
      for (const deployment of deploymentsOf(objects, service)) {
        const container = serviceContainer(deployment, service);
        const schemas = configSchemasOf(service);
        const names = schemas.flatMap((schema) => Object.keys(schema.shape));
        // NAME_FILE read into NAME from the mounted Secret, as parseConfig (withFileVariables) does.
        const { values, problems } = withMountedFileVariables(objects, podSpecOf(deployment), container, names);
        const issues = schemas.flatMap((schema) => {
          const parsed = schema.safeParse(values);
          return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        });
        // NAME_FILE is known when NAME is.
        const known = new Set(names);
        const isKnown = (name: string) => known.has(name) || (name.endsWith('_FILE') && known.has(name.slice(0, -'_FILE'.length)));
        const unknown = Object.keys(containerEnv(objects, container)).filter((name) => !isKnown(name) && !VARIABLES_READ_ELSEWHERE.some((pattern) => pattern.test(name)));
        found.push({ service, problems, issues, unknown });
      }
    }
    expect(found).toEqual(SERVICES.map((service) => ({ service, problems: [], issues: [], unknown: [] })));
  });

  it('keeps database URLs in Secrets read as files, never in a ConfigMap, and gives the API its read-only role', () => {
    for (const configMap of ofKind(objects, 'ConfigMap')) {
      for (const [key, value] of Object.entries((configMap.data ?? {}) as Record<string, string>)) {
        const secretLike = /(DATABASE_URL|PASSWORD|TOKEN)$/.test(key) || /^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(value);
        expect({ configMap: configMap.metadata.name, key, secretLike }).toEqual({ configMap: configMap.metadata.name, key, secretLike: false });
      }
    }
    const secretOf: Record<string, string> = {};
    for (const [service, variable] of Object.entries(DATABASE_URL_VARIABLES)) {
      for (const deployment of deploymentsOf(objects, service)) {
        const container = serviceContainer(deployment, service);
        const env = containerEnv(objects, container);
        expect({ service, [variable]: env[variable] }).toEqual({ service, [variable]: undefined });
        const file = mountedFile(objects, podSpecOf(deployment), container, env[`${variable}_FILE`] ?? '');
        expect({ service, file }).toEqual({ service, file: expect.objectContaining({ kind: 'Secret', content: expect.stringMatching(/^postgres:\/\//) }) });
        secretOf[service] = file!.name;
        if (service === 'api') {
          expect(new URL(file!.content!).username).toBe(API_READER_ROLE);
          expect(env.DATABASE_URL_FILE).toBeUndefined();
        }
      }
    }
    expect(secretOf.api).not.toBe(secretOf.storage);
    expect(secretOf.fetcher).toBe(secretOf.storage);
  });

  it('keeps the admin routes off the network: on loopback, behind no Service, admitted by no NetworkPolicy', () => {
    expect(ADMIN_SURFACES).toContainEqual({ service: 'fetcher', defaultPort: expect.any(Number) });
    expect(checkAdminNotExposed(objects, ADMIN_SURFACES, isLoopbackHost)).toEqual([]);
    for (const { service } of ADMIN_SURFACES) expect(ofKind(objects, 'Service').map((object) => object.metadata.name)).not.toContain(`wirestream-${service}`);
  });

  it('isolates every workload with NetworkPolicies that name the ports they admit', () => {
    expect(checkNetworkPolicies(objects)).toEqual([]);
  });

  it('admits only the monitoring namespace to the workers, and any pod in the cluster to the API, on their http port', () => {
    const peersOf = (service: string) => {
      const labels = (deploymentsOf(objects, service)[0].spec as Container).template.metadata.labels;
      return ofKind(objects, 'NetworkPolicy')
        .filter((policy) => Object.entries((policy.spec as Container).podSelector.matchLabels ?? {}).every(([key, value]) => labels[key] === value))
        .flatMap((policy) => (policy.spec as Container).ingress ?? []);
    };
    for (const service of SERVICES.filter((name) => name !== CPU_SCALED_SERVICE)) {
      expect({ service, rules: peersOf(service) }).toEqual({
        service,
        rules: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': expect.stringMatching(/^[a-z0-9-]+$/) } } }], ports: [{ protocol: 'TCP', port: 'http' }] }],
      });
    }
    expect(peersOf(CPU_SCALED_SERVICE)).toEqual([{ from: [{ namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: 'http' }] }]);
  });

  it('gives Secrets to containers as read-only files, but for the documented exceptions', () => {
    expect(checkSecretsAsFiles(objects, SECRET_VARIABLES_ALLOWED)).toEqual([]);
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

  it('runs the migrations in a job the way `npm run migration:run` does, and makes storage and the API wait for them', async () => {
    const migrate = podSpecOf(job(objects, 'wirestream-migrations')).containers[0];
    const [node, entry] = migrate.command as string[];
    const script = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts['migration:run'] as string;
    expect(script).toContain(`node ${entry}`);
    expect(node).toBe('node');
    expect(existsSync(path.join(REPO_ROOT, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    const migrationUrl = withMountedFileVariables(objects, podSpecOf(job(objects, 'wirestream-migrations')), migrate, ['DATABASE_URL']).values.DATABASE_URL;
    expect(migrationUrl).toMatch(/^postgres:\/\//);

    for (const service of ['storage', 'api']) {
      for (const deployment of deploymentsOf(objects, service)) {
        const podSpec = podSpecOf(deployment);
        const wait = (podSpec.initContainers ?? []).find((container: Container) => container.name === 'wait-for-migrations');
        expect(wait).toBeDefined();
        expect(wait.command).toEqual(['node', '-e']);
        const requiredModules = [...(wait.args[0] as string).matchAll(/require\('([^']+)'\)/g)].map((match) => match[1]);
        expect(requiredModules.filter((name) => !name.startsWith('node:'))).toEqual(['@wirestream/db']);
        expect(typeof requireSource(path.join(REPO_ROOT, 'libs', 'db', 'src', 'index.ts')).createDataSource).toBe('function');
        // It connects with the service's own URL (the API's read-only role), read from the same Secret.
        const variable = DATABASE_URL_VARIABLES[service];
        const serviceUrl = withMountedFileVariables(objects, podSpec, serviceContainer(deployment, service), [variable]).values[variable];
        expect(serviceUrl).toMatch(/^postgres:\/\//);
        const readFile = (file: string) => {
          const content = mountedFile(objects, podSpec, wait, file)?.content;
          if (content === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
          return `${content}\n`;
        };
        await expect(waitScriptDatabaseUrls(wait.args[0], containerEnv(objects, wait), readFile)).resolves.toEqual([serviceUrl]);
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

  it('notices an admin port behind a Service, an admin host off loopback, and a NetworkPolicy admitting it', () => {
    const broken = clone(objects);
    broken.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'wirestream-fetcher-admin' },
      spec: { selector: { 'app.kubernetes.io/name': 'wirestream-fetcher' }, ports: [{ name: 'web', port: 80, targetPort: 3111 }] },
    });
    (broken.find((object) => object.kind === 'ConfigMap' && object.metadata.name === 'wirestream-fetcher-config')!.data as Container).ADMIN_HTTP_HOST = '0.0.0.0';
    const policy = broken.find((object) => object.kind === 'NetworkPolicy' && object.metadata.name === 'wirestream-fetcher')!;
    (policy.spec as Container).ingress[0].ports.push({ protocol: 'TCP', port: 3111 });
    expect(checkAdminNotExposed(broken, [{ service: 'fetcher', defaultPort: 3111 }], isLoopbackHost)).toEqual([
      'fetcher: ADMIN_HTTP_HOST 0.0.0.0 is not loopback',
      expect.stringContaining('Service wirestream-fetcher-admin: port web reaches an admin port'),
      expect.stringContaining('NetworkPolicy wirestream-fetcher: admits admin port 3111'),
    ]);
  });

  it('notices a Deployment only the default deny selects, a rule on every port, and a port its pods do not declare', () => {
    const broken = clone(objects).filter((object) => !(object.kind === 'NetworkPolicy' && object.metadata.name === 'wirestream-api'));
    const policy = (name: string) => broken.find((object) => object.kind === 'NetworkPolicy' && object.metadata.name === name)!.spec as Container;
    policy('wirestream-normalizer').ingress[0].ports[0].port = 'metrics';
    delete policy('wirestream-storage').ingress[0].ports;
    expect(checkNetworkPolicies(broken)).toEqual([
      expect.stringContaining('Deployment wirestream-normalizer: NetworkPolicy wirestream-normalizer admits port metrics'),
      expect.stringContaining('Deployment wirestream-storage: NetworkPolicy wirestream-storage ingress rule 0 admits every port'),
      expect.stringContaining('Deployment wirestream-api: only deny-all NetworkPolicies'),
    ]);
    const withoutPolicies = broken.filter((object) => object.kind !== 'NetworkPolicy');
    expect(checkNetworkPolicies(withoutPolicies)).toContainEqual('Deployment wirestream-fetcher: no NetworkPolicy selects its pods for ingress');
  });

  it('notices a Secret given as variables, and a Secret volume with loose modes', () => {
    const broken = clone(objects);
    serviceContainer(deploymentOf(broken, 'storage'), 'storage').envFrom.push({ secretRef: { name: 'wirestream-database' } });
    podSpecOf(deploymentOf(broken, 'api')).volumes.find((volume: Container) => volume.secret).secret.defaultMode = 0o644;
    delete podSpecOf(deploymentOf(broken, 'fetcher')).securityContext.fsGroup;
    expect(checkSecretsAsFiles(broken, SECRET_VARIABLES_ALLOWED)).toEqual([
      expect.stringContaining('Deployment wirestream-fetcher: Secret volume database mode 0440 is unreadable by a non-root user without fsGroup'),
      'Deployment wirestream-storage/storage: envFrom Secret wirestream-database (mount it as files instead)',
      expect.stringContaining('Deployment wirestream-api: Secret volume api-database mode 0644 has write or world bits'),
    ]);
  });

  it('reads NAME_FILE variables as parseConfig does, and notices a file no volume holds, or an absent optional Secret', () => {
    const broken = clone(objects);
    const deployment = deploymentOf(broken, 'storage');
    const container = serviceContainer(deployment, 'storage');
    const read = () => withMountedFileVariables(broken, podSpecOf(deployment), container, ['DATABASE_URL']);
    expect(read()).toEqual({ values: expect.objectContaining({ DATABASE_URL: expect.stringMatching(/^postgres:\/\//) }), problems: [] });
    const volume = podSpecOf(deployment).volumes.find((candidate: Container) => candidate.secret);
    volume.secret = { ...volume.secret, secretName: 'wirestream-nowhere', optional: true };
    expect(read().problems).toEqual([expect.stringContaining('does not exist while the optional Secret wirestream-nowhere is absent')]);
    container.env.find((variable: Container) => variable.name === 'DATABASE_URL_FILE').value = '/etc/wirestream/url';
    expect(read().problems).toEqual(['DATABASE_URL_FILE: /etc/wirestream/url is on no Secret or ConfigMap volume of container storage']);
    container.env.push({ name: 'DATABASE_URL', value: 'postgres://elsewhere/wirestream' });
    expect(read().problems).toEqual(['DATABASE_URL_FILE: set either DATABASE_URL or DATABASE_URL_FILE, not both']);
    // A schema's own *_FILE setting is not a file variable.
    container.env.push({ name: 'HTTP_PORT_FILE', value: '/tmp/port' });
    expect(withMountedFileVariables(broken, podSpecOf(deployment), container, ['HTTP_PORT', 'HTTP_PORT_FILE']).problems).toEqual([]);
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
