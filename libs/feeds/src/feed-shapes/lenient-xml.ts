import { Parser } from 'htmlparser2';
import { findXmlStructureProblem } from '../xml-markup';
import { escapeStrayMarkup } from './stray-markup';
import { wellFormedCharacterData } from './xml-references';
import { localName, MAX_TREE_DEPTH, nestsDeeperThan } from './xml-dom';

/**
 * Lenient recovery of feeds that are not well-formed XML, the way a browser-grade parser (and the
 * Universal Feed Parser's loose parser, which sets its `bozo` bit and reads on) reads them:
 * - an end tag closes every element left open inside it (`<b><i>x</b></i>` → `<b><i>x</i></b>`),
 *   an end tag with nothing to close is ignored, and HTML's void elements left open in raw markup
 *   (`<br>`, `<img …>`) are empty;
 * - a '<' that starts no markup is text, and a comment never terminated ends at its first '>'
 *   (escapeStrayMarkup);
 * - HTML's named entities become character references and bare ampersands are escaped;
 * - an item (or Atom entry) start tag ends an item left open: items never nest;
 * - what follows the root element is dropped, and elements left open at the end are closed.
 *
 * A download cut off mid-item is not a missing end tag: the item open at the end of the text has
 * lost text and perhaps its links, and reading it would store half a story as a whole one. It is
 * dropped, with what followed the last item before it; the items whose own end (or the start of
 * the next item) is in the text are kept.
 */

/** HTML void elements that may be found left open in raw markup; not link, meta, source: RSS and Atom use those names for elements with content. */
const VOID_IN_RAW_MARKUP = new Set(['br', 'hr', 'img', 'wbr', 'area', 'col', 'embed', 'input']);
/** Local names of a feed's items: RSS and RSS 1.0 <item>, Atom <entry>. */
const ITEM_NAMES = new Set(['item', 'entry']);
/** A name that may be written as an XML attribute name. */
const ATTRIBUTE_NAME = /^[A-Za-z_:][\w.:\u00b7-\uffff-]*$/;

export interface RecoveredXml {
  /** The document as well-formed XML. */
  text: string;
  /** Whether the text ended inside an item, which was dropped. */
  droppedCutItem: boolean;
}

interface OpenElement {
  name: string;
  /** Written as `<x/>` already (a void element), or closed early (an item ended by the next one). */
  written: 'open' | 'void' | 'closed';
}

/**
 * The text read leniently and written back as well-formed XML; null when it nests too deep to
 * read (MAX_TREE_DEPTH) or the result still does not nest properly.
 */
export function recoverXml(text: string): RecoveredXml | null {
  if (nestsDeeperThan(text, MAX_TREE_DEPTH)) return null;
  const writer = new LenientXmlWriter();
  const parser = new Parser(writer, { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true });
  parser.write(escapeStrayMarkup(text));
  writer.reachEnd();
  parser.end();
  const recovered = writer.result();
  return findXmlStructureProblem(recovered.text) === null ? recovered : null;
}

/** htmlparser2 handler that writes what it is told back as well-formed XML. */
class LenientXmlWriter {
  private readonly out: string[] = [];
  /** Mirrors the parser's stack of open elements. */
  private readonly stack: OpenElement[] = [];
  /** A start tag waiting for its '>' or '/>' (known at the next event). */
  private pendingStartTag: string | null = null;
  private inCdata = false;
  /** Set once the root element is closed (or the text was cut inside an item): nothing more is written. */
  private done = false;
  /** The outermost item open now: where it starts in `out`, and the names of the elements open around it. */
  private openItem: { element: OpenElement; outLength: number; enclosing: string[] } | null = null;
  private droppedCutItem = false;

  /** Called at the end of the text, before the parser closes what is still open. */
  reachEnd(): void {
    this.flushStartTag();
    if (!this.openItem || this.done) return;
    // Cut off inside an item: keep the text before it and close what was open around it.
    this.out.length = this.openItem.outLength;
    for (const name of [...this.openItem.enclosing].reverse()) this.out.push(`</${name}>`);
    this.droppedCutItem = true;
    this.done = true;
  }

  result(): RecoveredXml {
    return { text: this.out.join(''), droppedCutItem: this.droppedCutItem };
  }

  onprocessinginstruction(_name: string, data: string): void {
    // Only the prolog's (the XML declaration, a DOCTYPE) are kept.
    if (this.done || this.stack.length > 0) return;
    const instruction = data.startsWith('?') && !data.endsWith('?') ? `${data}?` : data;
    this.out.push(`<${instruction}>`);
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    if (this.done) {
      this.stack.push({ name, written: 'closed' });
      return;
    }
    this.flushStartTag();
    const isItem = ITEM_NAMES.has(localName(name).toLowerCase());
    if (isItem) this.closeOpenItem();
    const isVoid = name === localName(name) && VOID_IN_RAW_MARKUP.has(name.toLowerCase());
    const element: OpenElement = { name, written: isVoid ? 'void' : 'open' };
    if (isItem && !this.openItem) this.openItem = { element, outLength: this.out.length, enclosing: this.openNames() };
    this.stack.push(element);
    const written = Object.entries(attributes)
      .filter(([attribute]) => ATTRIBUTE_NAME.test(attribute))
      .map(([attribute, value]) => ` ${attribute}="${wellFormedCharacterData(value, true)}"`)
      .join('');
    if (isVoid) this.out.push(`<${name}${written}/>`);
    else this.pendingStartTag = `<${name}${written}`;
  }

  onclosetag(name: string): void {
    const element = this.stack.pop();
    if (!element || this.done) return;
    if (element.written === 'open') {
      if (this.pendingStartTag === null) this.out.push(`</${name}>`);
      else this.out.push(`${this.pendingStartTag}/>`);
      this.pendingStartTag = null;
    }
    if (this.openItem?.element === element) this.openItem = null;
    if (this.stack.length === 0) this.done = true;
  }

  ontext(data: string): void {
    // Text outside the root element is not the feed's.
    if (this.done || this.stack.length === 0) return;
    this.flushStartTag();
    this.out.push(this.inCdata ? data : wellFormedCharacterData(data));
  }

  oncdatastart(): void {
    if (this.done || this.stack.length === 0) return;
    this.flushStartTag();
    this.inCdata = true;
    this.out.push('<![CDATA[');
  }

  oncdataend(): void {
    if (!this.inCdata) return;
    this.inCdata = false;
    this.out.push(']]>');
  }

  oncomment(data: string): void {
    if (this.done) return;
    this.flushStartTag();
    // '--' may not occur in an XML comment, nor '-' end it.
    this.out.push(`<!--${data.replace(/-(?=-|$)/g, '- ')}-->`);
  }

  /** Closes the item left open (and what is open inside it), as the start of the next item does. */
  private closeOpenItem(): void {
    if (!this.openItem) return;
    const at = this.stack.indexOf(this.openItem.element);
    for (let index = this.stack.length - 1; index >= at; index--) {
      const element = this.stack[index];
      if (element.written === 'open') this.out.push(`</${element.name}>`);
      element.written = 'closed';
    }
    this.openItem = null;
  }

  private openNames(): string[] {
    return this.stack.filter((element) => element.written === 'open').map((element) => element.name);
  }

  private flushStartTag(): void {
    if (this.pendingStartTag === null) return;
    this.out.push(`${this.pendingStartTag}>`);
    this.pendingStartTag = null;
  }
}
