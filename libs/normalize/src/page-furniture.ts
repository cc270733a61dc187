import { isElement, type DomNode, type ElementNode } from './dom';

/**
 * Page furniture: what is never story text (scripts, navigation, hidden elements, dialogs) and
 * what is furniture unless it holds the story (asides, footers, elements named for share bars,
 * related links, dates and bylines). Names are judged on class and id words ("share-bar" →
 * share); a word that names the content itself ("article-body", "content-with-sidebar")
 * outweighs one that names furniture, so the wrapper holding the story is never taken for a
 * sidebar.
 */

/** Elements that never hold story text; removed from the whole page before anything is scored. */
const NEVER_CONTENT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'input', 'select', 'textarea', 'nav',
  'object', 'embed', 'dialog', 'link', 'meta',
]);
const NEVER_CONTENT_ROLES = new Set(['navigation', 'dialog', 'menu', 'menubar', 'search', 'alert', 'tooltip']);
/** Elements that are furniture unless they hold the story. */
const FURNITURE_TAGS = new Set(['aside', 'footer', 'header']);
const FURNITURE_ROLES = new Set(['banner', 'contentinfo', 'complementary']);
/** Words of class names and ids that mark furniture: "share-bar", "related_articles", "commentList". */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'comment', 'comments', 'related', 'recommended', 'recommendations', 'promo',
  'newsletter', 'subscribe', 'subscription', 'sidebar', 'breadcrumb', 'breadcrumbs', 'toolbar', 'tags', 'popular',
  'trending', 'cookie', 'cookies', 'consent', 'paywall', 'outbrain', 'taboola', 'nav', 'navbar', 'navigation', 'menu',
  'footer', 'masthead', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'sponsored', 'modal', 'popup', 'mostread',
  'banner', 'disqus', 'pagination', 'pager', 'widget', 'author', 'bio', 'signup', 'more', 'readmore', 'tools', 'print',
  'date', 'timestamp', 'meta', 'byline', 'updated', 'published',
]);
/** Words that name the story's own container; they outweigh furniture words in the same name. */
const CONTENT_WORDS = new Set(['article', 'body', 'content', 'main', 'story', 'entry', 'post', 'text', 'articlebody']);
/** Class and id judged as furniture: some word names furniture and none names content. */
export function namesFurniture(element: ElementNode): boolean {
  const names = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`.slice(0, 500);
  if (!names.trim()) return false;
  const words = names
    .split(/\s+/)
    .flatMap((name) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_]+/));
  return words.some((word) => FURNITURE_WORDS.has(word)) && !words.some((word) => CONTENT_WORDS.has(word));
}

export function isFurniture(element: ElementNode): boolean {
  const role = element.attribs['role'];
  return FURNITURE_TAGS.has(element.name) || (role !== undefined && FURNITURE_ROLES.has(role)) || namesFurniture(element);
}

function isHidden(element: ElementNode): boolean {
  if ('hidden' in element.attribs || element.attribs['aria-hidden'] === 'true') return true;
  const style = element.attribs['style'];
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function removeNode(node: DomNode): void {
  const parent = node.parent;
  if (!parent || !('children' in parent)) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

export function removeNeverContent(root: DomNode): void {
  const doomed: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 8) {
      doomed.push(node); // comments
      continue;
    }
    if (isElement(node)) {
      const role = node.attribs['role'];
      if (NEVER_CONTENT_TAGS.has(node.name) || (role !== undefined && NEVER_CONTENT_ROLES.has(role)) || isHidden(node)) {
        doomed.push(node);
        continue;
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  // Children are spliced out of their parent's array one by one; for a parent with thousands of
  // doomed children that would be quadratic, so rebuild each affected parent's list once.
  const parents = new Set<DomNode>();
  const doomedSet = new Set(doomed);
  for (const node of doomed) if (node.parent) parents.add(node.parent);
  for (const parent of parents) {
    if (!('children' in parent)) continue;
    const kept = parent.children.filter((child) => !doomedSet.has(child));
    kept.forEach((child, index) => {
      child.prev = kept[index - 1] ?? null;
      child.next = kept[index + 1] ?? null;
    });
    parent.children = kept;
  }
}
