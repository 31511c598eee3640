/**
 * The little of the DOM the OOXML readers need, over @xmldom/xmldom: parsing with errors that
 * say which part is broken, and element walking by WordprocessingML local name.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/** The WordprocessingML main namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A part of the package that cannot be read: its name and why. */
export class OoxmlError extends Error {}

export function parseXml(text: string, part: string): Element {
  let fatal: string | undefined;
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') fatal ??= message;
      },
    }).parseFromString(text, 'application/xml');
  } catch (error) {
    throw new OoxmlError(`${part} is not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (fatal !== undefined || !doc.documentElement) throw new OoxmlError(`${part} is not well-formed XML: ${fatal ?? 'no root element'}`);
  return doc.documentElement;
}

export const isElement = (n: Node | null | undefined): n is Element => n !== null && n !== undefined && n.nodeType === 1;

/** The WordprocessingML element's local name, or `prefix:name` for other namespaces. */
export function nameOf(e: Element): string {
  return e.namespaceURI === W ? e.localName! : `${e.prefix ?? ''}:${e.localName}`;
}

export function children(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

export function child(e: Element, name: string): Element | undefined {
  for (let n = e.firstChild; n; n = n.nextSibling) if (isElement(n) && nameOf(n) === name) return n;
  return undefined;
}

/** A `w:` attribute (`w:val`, `w:author`...). */
export function attr(e: Element | undefined, name: string): string | undefined {
  if (!e) return undefined;
  const v = e.getAttributeNS(W, name);
  return v === null || v === '' ? (e.hasAttributeNS(W, name) ? '' : undefined) : v;
}

/** Every descendant with this name, in document order. */
export function descendants(e: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (x: Element): void => {
    for (const c of children(x)) {
      if (nameOf(c) === name) out.push(c);
      walk(c);
    }
  };
  walk(e);
  return out;
}

/** The text content of `w:t` / `w:delText` descendants. */
export function textOf(e: Element): string {
  return e.textContent ?? '';
}
