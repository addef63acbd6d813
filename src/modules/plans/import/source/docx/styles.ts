import { attr, child, children, rootOf, toggle, valOf, type XNode } from './xml';

/**
 * Paragraph and character styles from `word/styles.xml`, each property resolved through its
 * `basedOn` chain: numbering (`numPr`), outline level, heading name, bold/italic, alignment.
 */
export interface NumRef {
  numId: string;
  ilvl: number | null;
}

export interface StyleProps {
  id: string;
  name: string;
  numPr?: NumRef;
  outlineLvl?: number;
  bold?: boolean;
  italic?: boolean;
  align?: string;
}

interface RawStyle {
  id: string;
  name: string;
  basedOn?: string;
  numPr?: NumRef;
  outlineLvl?: number;
  bold?: boolean;
  italic?: boolean;
  align?: string;
}

export interface Styles {
  paragraph(id: string | undefined): StyleProps;
  character(id: string | undefined): StyleProps;
  defaults: { bold?: boolean; italic?: boolean };
}

export function readNumPr(pPr: XNode | undefined): NumRef | undefined {
  const numPr = child(pPr, 'w:numPr');
  if (!numPr) return undefined;
  const numId = valOf(numPr, 'w:numId');
  const ilvl = valOf(numPr, 'w:ilvl');
  if (numId === undefined && ilvl === undefined) return undefined;
  return { numId: numId ?? '', ilvl: ilvl === undefined ? null : Number(ilvl) };
}

function readRaw(style: XNode): RawStyle {
  const pPr = child(style, 'w:pPr');
  const rPr = child(style, 'w:rPr');
  const outline = valOf(pPr, 'w:outlineLvl');
  return {
    id: attr(style, 'w:styleId') ?? '',
    name: (valOf(style, 'w:name') ?? '').toLowerCase(),
    basedOn: valOf(style, 'w:basedOn'),
    numPr: readNumPr(pPr),
    outlineLvl: outline === undefined ? undefined : Number(outline),
    bold: toggle(rPr, 'w:b'),
    italic: toggle(rPr, 'w:i'),
    align: valOf(pPr, 'w:jc'),
  };
}

export function readStyles(nodes: XNode[]): Styles {
  const root = rootOf(nodes, 'w:styles');
  const byType = { paragraph: new Map<string, RawStyle>(), character: new Map<string, RawStyle>() };
  let defaultParagraph: string | undefined;
  for (const s of children(root, 'w:style')) {
    const type = attr(s, 'w:type');
    if (type !== 'paragraph' && type !== 'character') continue;
    const raw = readRaw(s);
    byType[type].set(raw.id, raw);
    if (type === 'paragraph' && (attr(s, 'w:default') === '1' || attr(s, 'w:default') === 'true')) defaultParagraph = raw.id;
  }
  const rPrDefault = child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  const defaults = { bold: toggle(rPrDefault, 'w:b'), italic: toggle(rPrDefault, 'w:i') };

  const cache = { paragraph: new Map<string, StyleProps>(), character: new Map<string, StyleProps>() };
  const resolve = (type: 'paragraph' | 'character', id: string | undefined): StyleProps => {
    const key = id ?? (type === 'paragraph' ? defaultParagraph : undefined);
    if (!key) return { id: '', name: '' };
    const hit = cache[type].get(key);
    if (hit) return hit;
    const out: StyleProps = { id: key, name: byType[type].get(key)?.name ?? '' };
    const seen = new Set<string>();
    // nearest style first: a property set lower in the chain wins
    for (let s = byType[type].get(key); s && !seen.has(s.id); s = s.basedOn ? byType[type].get(s.basedOn) : undefined) {
      seen.add(s.id);
      if (out.numPr === undefined && s.numPr) out.numPr = s.numPr;
      if (out.outlineLvl === undefined && s.outlineLvl !== undefined) out.outlineLvl = s.outlineLvl;
      if (out.bold === undefined && s.bold !== undefined) out.bold = s.bold;
      if (out.italic === undefined && s.italic !== undefined) out.italic = s.italic;
      if (out.align === undefined && s.align !== undefined) out.align = s.align;
    }
    cache[type].set(key, out);
    return out;
  };
  return {
    paragraph: (id) => resolve('paragraph', id),
    character: (id) => resolve('character', id),
    defaults,
  };
}

/** Heading level from a style's name (`heading 2`, `Title`) or outline level; null for body text. */
export function headingLevel(style: StyleProps, outlineLvl: number | undefined): number | null {
  const m = /^heading\s*([1-9])$/.exec(style.name);
  if (m) return Math.min(6, Number(m[1]));
  if (style.name === 'title') return 1;
  const lvl = outlineLvl ?? style.outlineLvl;
  if (lvl !== undefined && lvl >= 0 && lvl < 9) return Math.min(6, lvl + 1);
  return null;
}
