import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { applyPatch, type Operation } from 'fast-json-patch';
import { parseAllDocuments, stringify } from 'yaml';

/**
 * A renderer for the part of kustomize that deploy/k8s uses, so the manifests can be built and
 * checked without a kustomize binary (none is on npm). `kubectl apply -k` is what users run; this
 * follows its semantics for: `resources` (files and kustomization directories), `namespace`,
 * `labels` (metadata only), `images`, and `patches` holding JSON 6902 operations with a `target`.
 * Anything else in a kustomization is refused rather than silently ignored, so a manifest that uses
 * more of kustomize fails here until the renderer learns it. Stricter than kustomize in one way: a
 * patch whose target matches nothing is an error, since that is nearly always a typo.
 */

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  labels?: Array<{ pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }>;
  images?: Array<{ name: string; newName?: string; newTag?: string; digest?: string }>;
  patches?: Array<{ target?: PatchTarget; patch?: string; path?: string }>;
}

const SUPPORTED_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const SUPPORTED_TARGET_FIELDS = new Set(['group', 'version', 'kind', 'name', 'namespace']);

/** Kinds that live outside namespaces: the namespace transformer leaves them alone. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'ClusterTriggerAuthentication',
]);

export class KustomizeError extends Error {}

/** `kustomize build <dir>`: the objects the kustomization in `dir` produces, in order. */
export function renderKustomization(dir: string): KubernetesObject[] {
  const kustomization = readKustomization(dir);
  let objects: KubernetesObject[] = [];
  for (const entry of kustomization.resources ?? []) {
    if (/^[a-z]+:\/\//i.test(entry)) throw new KustomizeError(`${dir}: remote resource ${entry} is not supported`);
    const resourcePath = path.resolve(dir, entry);
    if (!existsSync(resourcePath)) throw new KustomizeError(`${dir}: resource ${entry} does not exist`);
    const added = statSync(resourcePath).isDirectory() ? renderKustomization(resourcePath) : readObjects(resourcePath);
    objects = addUnique(objects, added, dir);
  }
  // kustomize's builtin order: patches, then namespace, labels, images.
  for (const patch of kustomization.patches ?? []) objects = applyJsonPatch(objects, patch, dir);
  if (kustomization.namespace) setNamespace(objects, kustomization.namespace);
  for (const label of kustomization.labels ?? []) addLabels(objects, label, dir);
  for (const image of kustomization.images ?? []) setImages(objects, image);
  return objects;
}

/** The rendered objects as one multi-document YAML stream, as `kustomize build` prints them. */
export function toYaml(objects: KubernetesObject[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
}

function readKustomization(dir: string): Kustomization {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((name) => path.join(dir, name)).find(existsSync);
  if (!file) throw new KustomizeError(`${dir}: no kustomization.yaml`);
  const [document, ...extra] = parseYaml(file);
  if (extra.length > 0 || !document || typeof document !== 'object') throw new KustomizeError(`${file}: expected one kustomization document`);
  const kustomization = document as Kustomization;
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0) throw new KustomizeError(`${file}: unsupported field(s) ${unsupported.join(', ')}`);
  if (kustomization.kind !== undefined && kustomization.kind !== 'Kustomization') {
    throw new KustomizeError(`${file}: kind ${kustomization.kind} is not a Kustomization`);
  }
  return kustomization;
}

function parseYaml(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), { prettyErrors: true });
  const parsed: unknown[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length > 0) throw new KustomizeError(`${file}: ${document.errors[0].message}`);
    const value = document.toJS({ maxAliasCount: 0 }) as unknown;
    if (value !== null && value !== undefined) parsed.push(value);
  }
  return parsed;
}

function readObjects(file: string): KubernetesObject[] {
  return parseYaml(file).map((value) => {
    const object = value as Partial<KubernetesObject>;
    if (!object || typeof object !== 'object' || !object.apiVersion || !object.kind || !object.metadata?.name) {
      throw new KustomizeError(`${file}: every document needs apiVersion, kind and metadata.name`);
    }
    return object as KubernetesObject;
  });
}

function objectId(object: KubernetesObject): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return `${group}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function addUnique(objects: KubernetesObject[], added: KubernetesObject[], dir: string): KubernetesObject[] {
  const seen = new Set(objects.map(objectId));
  for (const object of added) {
    const id = objectId(object);
    if (seen.has(id)) throw new KustomizeError(`${dir}: ${object.kind} ${object.metadata.name} is defined twice`);
    seen.add(id);
  }
  return [...objects, ...added];
}

function matchesTarget(object: KubernetesObject, target: PatchTarget): boolean {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  // kustomize reads target names and namespaces as anchored regular expressions.
  const matches = (pattern: string | undefined, value: string) => pattern === undefined || new RegExp(`^(?:${pattern})$`).test(value);
  return (
    matches(target.group, group) &&
    matches(target.version, version) &&
    matches(target.kind, object.kind) &&
    matches(target.name, object.metadata.name) &&
    matches(target.namespace, object.metadata.namespace ?? '')
  );
}

function applyJsonPatch(objects: KubernetesObject[], patch: NonNullable<Kustomization['patches']>[number], dir: string): KubernetesObject[] {
  if (!patch.target) throw new KustomizeError(`${dir}: a patch without a target (strategic merge) is not supported`);
  const unsupported = Object.keys(patch.target).filter((field) => !SUPPORTED_TARGET_FIELDS.has(field));
  if (unsupported.length > 0) throw new KustomizeError(`${dir}: unsupported patch target field(s) ${unsupported.join(', ')}`);
  const text = patch.patch ?? (patch.path ? readFileSync(path.resolve(dir, patch.path), 'utf8') : undefined);
  if (text === undefined) throw new KustomizeError(`${dir}: a patch needs \`patch\` or \`path\``);
  const operations = parseAllDocuments(text);
  const parsedOperations = (Array.isArray(operations) ? operations : [operations]).map((document) => document.toJS() as unknown);
  if (parsedOperations.length !== 1 || !Array.isArray(parsedOperations[0])) {
    throw new KustomizeError(`${dir}: only JSON 6902 patches (a list of operations) are supported`);
  }
  const target = patch.target;
  let matched = 0;
  const patched = objects.map((object) => {
    if (!matchesTarget(object, target)) return object;
    matched++;
    try {
      return applyPatch(structuredClone(object), parsedOperations[0] as Operation[], true, false).newDocument;
    } catch (error) {
      throw new KustomizeError(`${dir}: patch on ${object.kind} ${object.metadata.name} failed: ${(error as Error).message.split('\n')[0]}`);
    }
  });
  if (matched === 0) throw new KustomizeError(`${dir}: patch target ${JSON.stringify(target)} matches no resource`);
  return patched;
}

function setNamespace(objects: KubernetesObject[], namespace: string): void {
  for (const object of objects) {
    if (!CLUSTER_SCOPED_KINDS.has(object.kind)) object.metadata.namespace = namespace;
  }
}

function addLabels(objects: KubernetesObject[], label: NonNullable<Kustomization['labels']>[number], dir: string): void {
  if (label.includeSelectors || label.includeTemplates) {
    throw new KustomizeError(`${dir}: labels with includeSelectors or includeTemplates are not supported`);
  }
  for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
}

interface Container {
  image?: string;
}

function podSpecs(object: KubernetesObject): Array<{ containers?: Container[]; initContainers?: Container[] }> {
  const spec = object.spec as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!spec) return [];
  return [spec, spec.template?.spec, spec.jobTemplate?.spec?.template?.spec].filter((candidate) => candidate && (candidate.containers || candidate.initContainers));
}

/** Splits `registry:5000/name:tag@sha256:…` into name, tag and digest. */
function parseImage(image: string): { name: string; tag?: string; digest?: string } {
  const [withoutDigest, digest] = image.split('@');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > withoutDigest.lastIndexOf('/')) return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
  return { name: withoutDigest, digest };
}

function setImages(objects: KubernetesObject[], rule: NonNullable<Kustomization['images']>[number]): void {
  for (const object of objects) {
    for (const podSpec of podSpecs(object)) {
      for (const container of [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])]) {
        if (!container.image) continue;
        const image = parseImage(container.image);
        if (image.name !== rule.name) continue;
        const name = rule.newName ?? image.name;
        if (rule.digest) container.image = `${name}@${rule.digest}`;
        else {
          const tag = rule.newTag ?? image.tag;
          container.image = `${name}${tag ? `:${tag}` : ''}${!rule.newTag && image.digest ? `@${image.digest}` : ''}`;
        }
      }
    }
  }
}
