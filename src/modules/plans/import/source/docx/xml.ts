import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../../../shared/errors';

/**
 * OOXML parts read with fast-xml-parser in document order. A node is `{ tag: children, ':@': attrs }`
 * or a text node `{ '#text': … }`; tags keep their namespace prefix (`w:p`). A part holding a
 * DOCTYPE is refused before parsing (OOXML never has one; it is the door to entity expansion).
 */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function parseXml(part: Buffer | undefined, name: string): XNode[] {
  if (!part) return [];
  const text = part.toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096))) throw new AppError('plan.file_corrupt', { reason: `DOCTYPE in ${name}` });
  try {
    return parser.parse(text) as XNode[];
  } catch (err) {
    throw new AppError('plan.file_corrupt', { reason: `${name}: ${String((err as Error)?.message ?? err).slice(0, 160)}` });
  }
}

/** The element's tag name, or null for text nodes. */
export function tagOf(node: XNode): string | null {
  for (const k of Object.keys(node)) if (k !== ':@' && k !== '#text') return k;
  return null;
}

export function kids(node: XNode | undefined): XNode[] {
  if (!node) return [];
  const tag = tagOf(node);
  const v = tag ? node[tag] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  const a = node?.[':@'] as Record<string, string> | undefined;
  return a?.[name];
}

export function child(node: XNode | undefined, tag: string): XNode | undefined {
  return kids(node).find((k) => tagOf(k) === tag);
}

export function children(node: XNode | undefined, tag: string): XNode[] {
  return kids(node).filter((k) => tagOf(k) === tag);
}

/** `<w:numFmt w:val="decimal"/>` → 'decimal'. */
export const valOf = (node: XNode | undefined, tag: string): string | undefined => attr(child(node, tag), 'w:val');

/** A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): true, false, or undefined when absent. */
export function toggle(props: XNode | undefined, tag: string): boolean | undefined {
  const el = child(props, tag);
  if (!el) return undefined;
  const v = attr(el, 'w:val');
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

export function textOf(node: XNode): string {
  const t = node['#text'];
  return typeof t === 'string' ? t : '';
}

/** The first element with this tag among the top-level nodes of a part. */
export function rootOf(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}
