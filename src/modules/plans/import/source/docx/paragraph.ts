import { attr, child, kids, tagOf, textOf, toggle, valOf, type XNode } from './xml';
import { headingLevel, readNumPr, type Styles } from './styles';
import type { Numbering } from './numbering';

/**
 * One Word paragraph: its runs' text (line breaks kept), how much of it is bold or italic,
 * alignment, heading level, and the list number Word would draw in front of it.
 */
export interface ReadContext {
  styles: Styles;
  numbering: Numbering;
  /** Footnote and endnote ids in the order the text refers to them. */
  notes: Array<{ kind: 'footnote' | 'endnote'; id: string }>;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ReadParagraph {
  /** The paragraph's lines (split at line breaks); the list number is in front of the first. */
  lines: string[];
  heading: number | null;
  /** List level (1…) when the paragraph is numbered. */
  listLevel: number | null;
  bold: boolean;
  italic: boolean;
  align?: Align;
  /** The list number with its separator, '' when not numbered. */
  label: string;
  /** Text boxes anchored in the paragraph: read after it. */
  textboxes: XNode[];
}

const ALIGN: Record<string, Align> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  distribute: 'justify',
};

/** Containers whose children are read as if they stood in the paragraph. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:moveTo', 'w:bdo', 'w:dir']);

/** The `w:txbxContent` of drawings and VML shapes; of an mc:AlternateContent only its first choice. */
export function findTextboxes(nodes: XNode[], out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (!tag) continue;
    if (tag === 'w:txbxContent') out.push(n);
    else if (tag === 'mc:AlternateContent') {
      const choice = kids(n).find((k) => tagOf(k) === 'mc:Choice') ?? kids(n).find((k) => tagOf(k) === 'mc:Fallback');
      if (choice) findTextboxes(kids(choice), out);
    } else findTextboxes(kids(n), out);
  }
  return out;
}

export function readParagraph(p: XNode, ctx: ReadContext): ReadParagraph {
  const pPr = child(p, 'w:pPr');
  const styleId = valOf(pPr, 'w:pStyle');
  const style = ctx.styles.paragraph(styleId);
  const outline = valOf(pPr, 'w:outlineLvl');
  const heading = headingLevel(style, outline === undefined ? undefined : Number(outline));

  let text = '';
  let chars = 0;
  let boldChars = 0;
  let italicChars = 0;
  const textboxes: XNode[] = [];

  const run = (r: XNode) => {
    const rPr = child(r, 'w:rPr');
    if (toggle(rPr, 'w:vanish') || toggle(rPr, 'w:specVanish')) return;
    const charStyle = ctx.styles.character(valOf(rPr, 'w:rStyle'));
    const bold = toggle(rPr, 'w:b') ?? charStyle.bold ?? style.bold ?? ctx.styles.defaults.bold ?? false;
    const italic = toggle(rPr, 'w:i') ?? charStyle.italic ?? style.italic ?? ctx.styles.defaults.italic ?? false;
    const add = (s: string) => {
      text += s;
      const n = s.replace(/\s/g, '').length;
      chars += n;
      if (bold) boldChars += n;
      if (italic) italicChars += n;
    };
    for (const k of kids(r)) {
      switch (tagOf(k)) {
        case 'w:t':
          add(kids(k).map(textOf).join(''));
          break;
        case 'w:tab':
        case 'w:ptab':
          add('\t');
          break;
        case 'w:br':
        case 'w:cr':
          add('\n');
          break;
        case 'w:noBreakHyphen':
          add('-');
          break;
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          const id = attr(k, 'w:id');
          if (id) ctx.notes.push({ kind: tagOf(k) === 'w:footnoteReference' ? 'footnote' : 'endnote', id });
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          findTextboxes([k], textboxes);
          break;
        default:
          break;
      }
    }
  };
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:r') run(n);
      else if (tag && TRANSPARENT.has(tag)) walk(kids(n));
      else if (tag === 'w:sdt') walk(kids(child(n, 'w:sdtContent')));
      else if (tag === 'mc:AlternateContent') findTextboxes([n], textboxes);
    }
  };
  walk(kids(p));

  // numbering: on the paragraph, else on its style (basedOn chain); numId 0 switches it off
  const own = readNumPr(pPr);
  const numId = own?.numId || style.numPr?.numId || '';
  let listLevel: number | null = null;
  let label = '';
  if (numId && numId !== '0') {
    const ilvl = own?.ilvl ?? style.numPr?.ilvl ?? ctx.numbering.levelForStyle(numId, style.id) ?? 0;
    const l = ctx.numbering.next(numId, ilvl);
    if (l) {
      listLevel = ilvl + 1;
      label = l.text ? l.text + l.suffix : '';
    }
  }

  const lines = text
    .split('\n')
    .map((s) => s.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  if (label && lines.length > 0) lines[0] = `${label}${lines[0]}`.trim();
  const jc = valOf(pPr, 'w:jc') ?? style.align;
  return {
    lines,
    heading,
    listLevel,
    bold: chars > 0 && boldChars >= chars * 0.9,
    italic: chars > 0 && italicChars >= chars * 0.9,
    align: jc ? ALIGN[jc] : undefined,
    label: label.trim(),
    textboxes,
  };
}
