/**
 * Article facts from a page's JSON-LD (schema.org) blocks: publication date, headline, authors,
 * publisher, section. Pages nest them in arrays and `@graph`s; the first article-typed object wins.
 */

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  authorNames: string[];
  publisherName: string | null;
  section: string | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage|OpinionNewsArticle|BackgroundNewsArticle)$/;
/** Bounds on what we walk, so a huge or cyclic-looking blob cannot keep us busy. */
const MAX_NODES = 5_000;

export function readJsonLdArticle(blocks: readonly string[]): JsonLdArticle | null {
  const candidates: Array<Record<string, unknown>> = [];
  for (const block of blocks) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(block);
    } catch {
      continue; // A page's broken JSON-LD is its problem, not a reason to reject the page.
    }
    collectTypedObjects(parsed, candidates);
  }
  // Prefer a real article type over a generic WebPage.
  const article =
    candidates.find((node) => typesOf(node).some((type) => type !== 'WebPage' && ARTICLE_TYPES.test(type))) ??
    candidates.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  if (!article) return null;
  return {
    headline: stringValue(article['headline']) ?? stringValue(article['name']),
    datePublished: stringValue(article['datePublished']) ?? stringValue(article['dateCreated']),
    authorNames: personNames(article['author']),
    publisherName: nameOf(article['publisher']) ?? nameOf(article['sourceOrganization']),
    section: stringValue(article['articleSection']),
  };
}

function collectTypedObjects(root: unknown, into: Array<Record<string, unknown>>): void {
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) stack.push(node[index]);
    } else if (isRecord(node)) {
      if (node['@type'] !== undefined) into.push(node);
      if (node['@graph'] !== undefined) stack.push(node['@graph']);
      if (node['mainEntity'] !== undefined) stack.push(node['mainEntity']);
    }
  }
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or the first string of an array of them ("articleSection": ["World", "Asia"]). */
function stringValue(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim() : null;
}

function nameOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return stringValue(first);
  return isRecord(first) ? stringValue(first['name']) : null;
}

function personNames(value: unknown): string[] {
  const people = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return people
    .map((person) => (typeof person === 'string' ? stringValue(person) : isRecord(person) ? stringValue(person['name']) : null))
    .filter((name): name is string => name !== null);
}
