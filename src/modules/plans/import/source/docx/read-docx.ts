import type { SourceBlock } from '../../types';
import { guardDocxArchive } from '../zip-guard';
import { readBody } from './body';
import { Numbering } from './numbering';
import { readParagraph, type ReadContext } from './paragraph';
import { readStyles } from './styles';
import { attr, child, children, kids, parseXml, rootOf, tagOf } from './xml';

/**
 * Reads a .docx (OOXML) into source blocks: the archive is checked first (zip-guard: sizes,
 * ratios, truncation), then the main document, its styles, numbering, footnotes and endnotes
 * are parsed. Word's automatic list numbers are rendered into the text (`2.1. …`, `- …`),
 * as a reader sees them on the page. Headers, footers and comments are not read.
 */
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Relationship type (the last segment: `styles`, `numbering`, `footnotes`) → part name. */
function relationships(parts: Map<string, Buffer>, partName: string): Map<string, string> {
  const dir = partName.split('/').slice(0, -1).join('/');
  const file = partName.split('/').pop() ?? '';
  const relsName = `${dir ? `${dir}/` : ''}_rels/${file}.rels`;
  const out = new Map<string, string>();
  for (const r of children(rootOf(parseXml(parts.get(relsName), relsName), 'Relationships'), 'Relationship')) {
    const type = attr(r, 'Type') ?? '';
    const target = attr(r, 'Target');
    if (!target || attr(r, 'TargetMode') === 'External') continue;
    const key = type.startsWith(REL) ? type.slice(REL.length) : (type.split('/').pop() ?? '');
    if (!out.has(key)) out.set(key, resolveTarget(partName, target));
  }
  return out;
}

export function readDocxBlocks(buf: Buffer): SourceBlock[] {
  const parts = guardDocxArchive(buf);
  const mainName = relationships(parts, '').get('officeDocument') ?? 'word/document.xml';
  const documentName = parts.has(mainName) ? mainName : 'word/document.xml';
  const rels = relationships(parts, documentName);
  const part = (type: string, fallback: string) => {
    const name = rels.get(type) ?? fallback;
    return parseXml(parts.get(name), name);
  };
  const styles = readStyles(part('styles', 'word/styles.xml'));
  const numbering = new Numbering(part('numbering', 'word/numbering.xml'), styles);
  const ctx: ReadContext = { styles, numbering, notes: [] };
  const body = child(rootOf(parseXml(parts.get(documentName), documentName), 'w:document'), 'w:body');
  const drafts = readBody(kids(body), ctx, { tables: 0 }, []);

  // notes, in the order the text refers to them, numbered 1… per kind
  const seen = new Set<string>();
  const counts = { footnote: 0, endnote: 0 };
  const noteParts = {
    footnote: null as Map<string, ReturnType<typeof kids>> | null,
    endnote: null as Map<string, ReturnType<typeof kids>> | null,
  };
  const notesOf = (kind: 'footnote' | 'endnote') => {
    if (!noteParts[kind]) {
      const map = new Map<string, ReturnType<typeof kids>>();
      const root = rootOf(part(`${kind}s`, `word/${kind}s.xml`), `w:${kind}s`);
      for (const n of children(root, `w:${kind}`)) map.set(attr(n, 'w:id') ?? '', kids(n));
      noteParts[kind] = map;
    }
    return noteParts[kind];
  };
  for (const ref of ctx.notes) {
    const key = `${ref.kind}:${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const nodes = notesOf(ref.kind).get(ref.id);
    if (!nodes) continue;
    const n = ++counts[ref.kind];
    const lines: string[] = [];
    for (const p of nodes) if (tagOf(p) === 'w:p') lines.push(...readParagraph(p, { ...ctx, notes: [] }).lines);
    const text = lines.join(' ').trim();
    if (text) drafts.push({ kind: 'p', text, raw: `[${n}] ${text}`, note: ref.kind });
  }
  return drafts.map((d, i) => {
    const block: SourceBlock = { line: i + 1, ...d };
    for (const k of Object.keys(block) as Array<keyof SourceBlock>) if (block[k] === undefined) delete block[k];
    return block;
  });
}
