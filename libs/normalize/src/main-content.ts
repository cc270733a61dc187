import { isElement, type DomNode, type ElementNode } from './dom';
import { isFurniture, removeNeverContent, removeNode } from './page-furniture';

/**
 * Finds the story in a parsed page and takes the page furniture out of it, in a few linear walks.
 *
 * 1. Every text node's length is credited to its nearest block element ("paragraph") and,
 *    separately, to every element's subtree totals, with the part that sits inside links.
 * 2. Paragraphs of real prose (long enough, mostly not link text, not inside furniture) score
 *    their parent fully and their grandparent by half, so paragraphs wrapped one by one in <div>s
 *    still add up to one cluster. The best-scoring element is the story's container; siblings
 *    that score well or read as prose join it (a story split around an advert). <article>s listed
 *    two or more inside another <article> are cards of other stories and count as furniture
 *    while a full paragraph is left outside them.
 * 3. Inside what was chosen, furniture is removed: elements named for it (page-furniture.ts),
 *    then boxes that are mostly links, judged from the innermost out on the text each keeps once
 *    the link boxes inside it are gone, and headings left with no text after them ("Related").
 */

/** Elements whose text starts a new paragraph. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt',
  'dd', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'form', 'fieldset', 'center', 'body', 'html', 'address', 'details', 'summary',
]);
/** Boxes that are removed from the story when most of their text is links. */
const LINK_BOX_TAGS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'p', 'li', 'span', 'aside', 'header', 'footer', 'form']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A paragraph shorter than this (in characters) is a label, not prose, and scores nothing. */
const MIN_PARAGRAPH_CHARS = 25;
/** A paragraph or box with more than this share of its text in links is navigation. */
const MAX_LINK_DENSITY = 0.5;
/** A sibling of the chosen container joins it when it scores at least this share of the container. */
const SIBLING_SCORE_SHARE = 0.2;
/** A sibling paragraph joins the story when it is this long and almost free of links. */
const SIBLING_PROSE_CHARS = 80;
const SIBLING_PROSE_LINK_DENSITY = 0.25;
/** How much a character of non-prose text inside a candidate container weighs against one of prose. */
const OTHER_TEXT_WEIGHT = 2;
/** How far above the densest cluster the container may be found. */
const MAX_CLIMB_LEVELS = 4;
/** A marked-up story container (articleBody, <article>, <main>) is trusted when it holds this share of the page's prose. */
const SEMANTIC_SCOPE_SHARE = 0.4;
/** Furniture by name is kept when it holds this share of the story's text: it is the story. */
const PROTECTED_TEXT_SHARE = 0.5;

interface TextTotals {
  /** Characters of text, whitespace runs counted once. */
  text: number;
  /** The part of `text` inside <a> elements. */
  linkText: number;
}

/** The story's elements, in document order, with furniture removed from inside them. */
export function extractMainContent(root: DomNode): ElementNode[] {
  removeNeverContent(root);
  const stats = measure(root);
  const best = bestContainer(stats);
  // A page with no paragraph of prose (a stub, a fragment): all of its body, furniture removed.
  const selection = best ? withSiblings(best.container, best.scored, stats) : wholePage(stats);
  const storyText = selection.reduce((sum, element) => sum + proseText(stats.subtree.get(element)), 0);
  const teasers = best?.teasers ?? new Set<ElementNode>();
  for (const element of selection) pruneFurniture(element, stats, storyText, teasers);
  for (const element of selection) removeTrailingHeadings(element);
  return selection;
}

interface PageStats {
  /** Text totals of each element's whole subtree. */
  subtree: Map<ElementNode, TextTotals>;
  /** Text directly in each paragraph: the block element nearest to it. */
  paragraphs: Map<ElementNode, TextTotals>;
  /** Elements in document order. */
  elements: ElementNode[];
}

function measure(root: DomNode): PageStats {
  const subtree = new Map<ElementNode, TextTotals>();
  const paragraphs = new Map<ElementNode, TextTotals>();
  const elements: ElementNode[] = [];
  interface Frame {
    node: DomNode;
    block: ElementNode | null;
    element: ElementNode | null;
    inLink: boolean;
  }
  const stack: Frame[] = [{ node: root, block: null, element: null, inLink: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node } = frame;
    if (node.nodeType === 3) {
      const length = textLength((node as { data: string }).data);
      if (length === 0) continue;
      if (frame.element) {
        const totals = subtree.get(frame.element)!;
        totals.text += length;
        if (frame.inLink) totals.linkText += length;
      }
      if (frame.block) {
        const totals = paragraphs.get(frame.block)!;
        totals.text += length;
        if (frame.inLink) totals.linkText += length;
      }
      continue;
    }
    let { block, element, inLink } = frame;
    if (isElement(node)) {
      elements.push(node);
      subtree.set(node, { text: 0, linkText: 0 });
      element = node;
      inLink ||= node.name === 'a';
      if (BLOCK_TAGS.has(node.name)) {
        block = node;
        paragraphs.set(node, { text: 0, linkText: 0 });
      }
    }
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push({ node: node.children[index]!, block, element, inLink });
      }
    }
  }
  // Text was credited to the nearest element only; add each subtree into its parent, deepest first.
  for (let index = elements.length - 1; index >= 0; index--) {
    const element = elements[index]!;
    const parent = element.parent;
    if (parent && isElement(parent)) {
      const totals = subtree.get(element)!;
      const parentTotals = subtree.get(parent);
      if (parentTotals) {
        parentTotals.text += totals.text;
        parentTotals.linkText += totals.linkText;
      }
    }
  }
  return { subtree, paragraphs, elements };
}

/** Length of a text node with whitespace runs counted as one character. */
function textLength(data: string): number {
  let length = 0;
  let inSpace = true;
  for (let index = 0; index < data.length; index++) {
    const code = data.charCodeAt(index);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 160;
    if (!space) length++;
    else if (!inSpace) length++;
    inSpace = space;
  }
  return length;
}

const linkDensity = (totals: TextTotals): number => (totals.text === 0 ? 0 : totals.linkText / totals.text);
const proseText = (totals: TextTotals | undefined): number => (totals ? totals.text - totals.linkText : 0);

function isProse(totals: TextTotals, minChars = MIN_PARAGRAPH_CHARS): boolean {
  return totals.text >= minChars && linkDensity(totals) <= MAX_LINK_DENSITY;
}

/** Prose characters (paragraphs of prose, link text excluded) in each element's subtree. */
function proseBySubtree(stats: PageStats, skip: ReadonlySet<ElementNode>, minChars = MIN_PARAGRAPH_CHARS): Map<ElementNode, number> {
  const prose = new Map<ElementNode, number>();
  paragraphs: for (const [paragraph, totals] of stats.paragraphs) {
    if (!isProse(totals, minChars)) continue;
    const ancestors: ElementNode[] = [];
    for (let node: DomNode | null = paragraph; node && isElement(node); node = node.parent) {
      if (skip.has(node)) continue paragraphs;
      ancestors.push(node);
    }
    const amount = proseText(totals);
    for (const ancestor of ancestors) prose.set(ancestor, (prose.get(ancestor) ?? 0) + amount);
  }
  return prose;
}

/**
 * The element holding the most prose for the least of anything else: the maximum over elements
 * of prose − OTHER_TEXT_WEIGHT × (other text), where other text is link text, labels and text in
 * furniture. A wrapper around the story gains nothing by taking in a link-filled sidebar, and a
 * story split into many blocks is gathered by their common ancestor.
 */
function bestContainer(stats: PageStats): { container: ElementNode; scored: Map<ElementNode, number>; teasers: Set<ElementNode> } | null {
  // Furniture by name, unless it holds most of the page's prose: then it is the story's wrapper.
  const allProse = proseBySubtree(stats, new Set());
  const pageProse = Math.max(0, ...stats.elements.filter((element) => !element.parent || !isElement(element.parent)).map((element) => allProse.get(element) ?? 0));
  const minor = (element: ElementNode): boolean => (allProse.get(element) ?? 0) < pageProse * PROTECTED_TEXT_SHARE;
  const named = new Set(stats.elements.filter((element) => isFurniture(element) && minor(element)));
  // Teasers of other stories set as <article>s in a list count as furniture while a full paragraph
  // is left beside them (a page that is all such posts, a live blog, keeps them).
  const withTeasers = new Set([...named, ...listedArticles(stats).filter(minor)]);
  const furniture = withTeasers.size > named.size && proseBySubtree(stats, withTeasers, SIBLING_PROSE_CHARS).size > 0 ? withTeasers : named;
  const prose = proseBySubtree(stats, furniture);
  const scope = semanticScope(stats, prose);
  // The densest cluster: each prose paragraph scores its parent fully and its grandparent by half.
  const clusters = new Map<ElementNode, number>();
  for (const [paragraph, totals] of stats.paragraphs) {
    if (!isProse(totals) || !prose.has(paragraph) || (scope && !isWithin(paragraph, scope))) continue;
    const amount = proseText(totals);
    const parent = paragraph.parent && isElement(paragraph.parent) ? paragraph.parent : null;
    const grandparent = parent?.parent && isElement(parent.parent) ? parent.parent : null;
    if (parent) clusters.set(parent, (clusters.get(parent) ?? 0) + amount);
    if (grandparent) clusters.set(grandparent, (clusters.get(grandparent) ?? 0) + amount / 2);
  }
  let core: ElementNode | null = null;
  for (const [element, score] of clusters) if (score > (core ? (clusters.get(core) ?? 0) : 0)) core = element;
  if (!core) return null;
  // A story split into blocks is gathered by climbing a few levels while prose outweighs the rest;
  // only full paragraphs count here, so a one-line promotion next to the story does not.
  const fullProse = proseBySubtree(stats, furniture, SIBLING_PROSE_CHARS);
  const gathered = (element: ElementNode): number =>
    (fullProse.get(element) ?? 0) - OTHER_TEXT_WEIGHT * ((stats.subtree.get(element)?.text ?? 0) - (fullProse.get(element) ?? 0));
  let best = core;
  let node: DomNode | null = core.parent;
  for (let level = 0; level < MAX_CLIMB_LEVELS && node && isElement(node); level++, node = node.parent) {
    if (scope && !isWithin(node, scope)) break;
    if (gathered(node) > gathered(best)) best = node;
  }
  return { container: best, scored: clusters, teasers: furniture === named ? new Set() : withTeasers };
}

/**
 * <article>s listed in another <article> that holds two or more of them ("You may also like"):
 * cards of other stories. A story's <article> inside a page's <article> is alone in it.
 */
function listedArticles(stats: PageStats): ElementNode[] {
  const inside = new Map<ElementNode, ElementNode[]>();
  for (const element of stats.elements) {
    if (element.name !== 'article') continue;
    for (let node = element.parent; node && isElement(node); node = node.parent) {
      if (node.name !== 'article') continue;
      const listed = inside.get(node) ?? [];
      listed.push(element);
      inside.set(node, listed);
      break;
    }
  }
  return [...inside.values()].filter((listed) => listed.length >= 2).flat();
}

/**
 * The story's container as the page marks it (an articleBody, else an <article>, else <main>),
 * when it holds a fair share of the page's prose; the search for the container stays inside it,
 * so teasers of other stories around it cannot be gathered in.
 */
function semanticScope(stats: PageStats, prose: ReadonlyMap<ElementNode, number>): ElementNode | null {
  const pageProse = Math.max(0, ...prose.values());
  const kinds: Array<(element: ElementNode) => boolean> = [
    (element) => (element.attribs['itemprop'] ?? '').split(/\s+/).includes('articleBody'),
    (element) => element.name === 'article',
    (element) => element.name === 'main' || element.attribs['role'] === 'main',
  ];
  for (const kind of kinds) {
    let largest: ElementNode | null = null;
    for (const element of stats.elements) {
      if (kind(element) && (prose.get(element) ?? 0) > (largest ? (prose.get(largest) ?? 0) : 0)) largest = element;
    }
    if (largest && (prose.get(largest) ?? 0) >= pageProse * SEMANTIC_SCOPE_SHARE) return largest;
  }
  return null;
}

function isWithin(element: ElementNode, ancestor: ElementNode): boolean {
  for (let node: DomNode | null = element; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

function withSiblings(container: ElementNode, scored: ReadonlyMap<ElementNode, number>, stats: PageStats): ElementNode[] {
  const parent = container.parent;
  if (!parent || !('children' in parent)) return [container];
  const threshold = (scored.get(container) ?? 0) * SIBLING_SCORE_SHARE;
  return parent.children.filter((sibling): sibling is ElementNode => {
    if (!isElement(sibling)) return false;
    if (sibling === container) return true;
    if (isFurniture(sibling)) return false;
    const substantial = proseText(stats.subtree.get(sibling)) >= SIBLING_PROSE_CHARS;
    if (substantial && (scored.get(sibling) ?? 0) >= threshold) return true;
    const own = stats.paragraphs.get(sibling);
    return sibling.name === 'p' && own !== undefined && own.text >= SIBLING_PROSE_CHARS && linkDensity(own) < SIBLING_PROSE_LINK_DENSITY;
  });
}

function wholePage(stats: PageStats): ElementNode[] {
  const body = stats.elements.find((element) => element.name === 'body');
  if (body) return [body];
  return stats.elements.filter((element) => !element.parent || !isElement(element.parent));
}

/**
 * Removes furniture inside the story, never an element holding most of the story's text: first
 * what is named furniture, then link boxes judged from the innermost out, each on the text left
 * once the boxes inside it are gone — so a pop-up of links hidden inside a paragraph goes
 * without taking the paragraph with it. An inline box (a span) is a link box only when it holds
 * several links: one linked name is part of its sentence.
 */
function pruneFurniture(root: ElementNode, stats: PageStats, storyText: number, teasers: ReadonlySet<ElementNode>): void {
  const holdsStory = (totals: TextTotals): boolean => proseText(totals) >= storyText * PROTECTED_TEXT_SHARE;
  const named: ElementNode[] = [];
  const order: ElementNode[] = [];
  const stack: DomNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const totals = stats.subtree.get(node);
    if (totals !== undefined && !holdsStory(totals) && (isFurniture(node) || teasers.has(node))) {
      named.push(node);
      continue;
    }
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  for (const element of named) removeNode(element);
  // Parents come before their children in `order`: walk it backwards, carrying what each removal
  // took away up to the parent.
  const removed = new Map<ElementNode, TextTotals & { links: number }>();
  const links = new Map<ElementNode, number>();
  const doomed: ElementNode[] = [];
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]!;
    if (!node.parent) continue; // inside named furniture already gone
    const own = links.get(node) ?? 0;
    const total = own + (node.name === 'a' ? 1 : 0);
    const full = stats.subtree.get(node) ?? { text: 0, linkText: 0 };
    const gone = removed.get(node) ?? { text: 0, linkText: 0, links: 0 };
    const left = { text: full.text - gone.text, linkText: full.linkText - gone.linkText };
    const parent = node.parent && isElement(node.parent) ? node.parent : null;
    const linkDense = (totals: TextTotals): boolean => totals.text > 0 && linkDensity(totals) > MAX_LINK_DENSITY;
    // A box that was mostly links before the boxes inside it went, with only a label left ("Related
    // news" over its list), goes as a whole.
    const labelLeft = node.name !== 'p' && node.name !== 'span' && linkDense(full) && left.text < SIBLING_PROSE_CHARS;
    const linkBox =
      LINK_BOX_TAGS.has(node.name) && (linkDense(left) || labelLeft) && (node.name !== 'span' || total - gone.links >= 2);
    if (linkBox && !holdsStory(left)) {
      doomed.push(node);
      if (parent) {
        const up = removed.get(parent) ?? { text: 0, linkText: 0, links: 0 };
        removed.set(parent, { text: up.text + full.text, linkText: up.linkText + full.linkText, links: up.links + total });
      }
    } else if (parent && gone.text + gone.links > 0) {
      const up = removed.get(parent) ?? { text: 0, linkText: 0, links: 0 };
      removed.set(parent, { text: up.text + gone.text, linkText: up.linkText + gone.linkText, links: up.links + gone.links });
    }
    if (parent) links.set(parent, (links.get(parent) ?? 0) + total);
  }
  for (const element of doomed) removeNode(element);
}

/** Headings with no text after them in the story ("Related stories", "Tags") label removed furniture. */
function removeTrailingHeadings(root: ElementNode): void {
  const order: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  const headings: ElementNode[] = [];
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]!;
    if (isElement(node) && HEADING_TAGS.has(node.name)) {
      headings.push(node);
      continue;
    }
    if (node.nodeType === 3 && textLength((node as { data: string }).data) > 0 && !insideHeading(node, root)) break;
  }
  for (const heading of headings) removeNode(heading);
}

function insideHeading(node: DomNode, root: ElementNode): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) {
    if (isElement(current) && HEADING_TAGS.has(current.name)) return true;
  }
  return false;
}
