import { attr, child, children, rootOf, valOf, type XNode } from './xml';
import type { Styles } from './styles';

/**
 * Word's automatic numbering from `word/numbering.xml`: abstract lists and their levels
 * (start, format, `lvlText` template such as `%1.%2.`, restart rules), list instances
 * (`w:num`) with their `lvlOverride`s, counters that the paragraphs advance in document order.
 * Instances of one abstract list share its counters (Word continues a list across them)
 * unless a `startOverride` restarts it.
 */
interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:lvlRestart`: 0 = never restart; n = restart after level n (1-based); undefined = after any higher level. */
  restart?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  pStyle?: string;
}

interface Abstract {
  id: string;
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface Instance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface ListLabel {
  /** The rendered number (`2.1.`, `a)`, `-`), '' when the level shows nothing. */
  text: string;
  /** What separates the number from the text. */
  suffix: string;
  bullet: boolean;
  ilvl: number;
}

function readLevel(lvl: XNode): Level {
  const start = Number(valOf(lvl, 'w:start') ?? '1');
  const restart = valOf(lvl, 'w:lvlRestart');
  const suff = valOf(lvl, 'w:suff');
  const legal = child(lvl, 'w:isLgl');
  return {
    start: Number.isFinite(start) ? start : 1,
    format: valOf(lvl, 'w:numFmt') ?? 'decimal',
    text: valOf(lvl, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: !!legal && attr(legal, 'w:val') !== '0' && attr(legal, 'w:val') !== 'false',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: valOf(lvl, 'w:pStyle'),
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** One counter value in a numbering format (Word's letters repeat: y, z, aa, bb). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      if (n <= 0) return String(n);
      const letter = LETTERS[(n - 1) % 26].repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** A bullet's glyph as the plan parser reads it: `+` stays, every other symbol becomes `-`. */
function bulletText(lvlText: string): string {
  const t = lvlText.trim();
  return t === '+' ? '+' : '-';
}

export class Numbering {
  private readonly abstracts = new Map<string, Abstract>();
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly starts = new Map<string, Map<number, number>>();
  private readonly usedInstances = new Set<string>();

  constructor(
    nodes: XNode[],
    private readonly styles: Styles,
  ) {
    const root = rootOf(nodes, 'w:numbering');
    for (const a of children(root, 'w:abstractNum')) {
      const id = attr(a, 'w:abstractNumId') ?? '';
      const levels = new Map<number, Level>();
      for (const lvl of children(a, 'w:lvl')) levels.set(Number(attr(lvl, 'w:ilvl') ?? '0'), readLevel(lvl));
      this.abstracts.set(id, { id, levels, numStyleLink: valOf(a, 'w:numStyleLink') });
    }
    for (const n of children(root, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'w:lvlOverride')) {
        const start = valOf(o, 'w:startOverride');
        const lvl = child(o, 'w:lvl');
        overrides.set(Number(attr(o, 'w:ilvl') ?? '0'), {
          start: start === undefined ? undefined : Number(start),
          level: lvl ? readLevel(lvl) : undefined,
        });
      }
      this.instances.set(attr(n, 'w:numId') ?? '', { abstractId: valOf(n, 'w:abstractNumId') ?? '', overrides });
    }
  }

  /** The abstract list behind an instance, following `numStyleLink` to the list that defines the levels. */
  private abstractOf(inst: Instance): Abstract | undefined {
    let a = this.abstracts.get(inst.abstractId);
    for (let hops = 0; a?.numStyleLink && a.levels.size === 0 && hops < 5; hops++) {
      const linked = this.styles.paragraph(a.numStyleLink).numPr?.numId;
      const target = linked ? this.instances.get(linked) : undefined;
      a = target ? this.abstracts.get(target.abstractId) : undefined;
    }
    return a;
  }

  /** The level a paragraph of this style is at when its numPr gives none (`w:lvl/w:pStyle`). */
  levelForStyle(numId: string, styleId: string | undefined): number | null {
    const inst = this.instances.get(numId);
    const abs = inst && this.abstractOf(inst);
    if (!abs || !styleId) return null;
    for (const [ilvl, lvl] of abs.levels) if (lvl.pStyle === styleId) return ilvl;
    return null;
  }

  /** Advances the list for one numbered paragraph and returns its label; null when the list does not exist. */
  next(numId: string, ilvl: number): ListLabel | null {
    if (!numId || numId === '0') return null;
    const inst = this.instances.get(numId);
    const abs = inst && this.abstractOf(inst);
    if (!inst || !abs) return null;
    const level = (i: number): Level | undefined => inst.overrides.get(i)?.level ?? abs.levels.get(i);
    const lvl = level(ilvl);
    if (!lvl) return null;
    const counters = this.counters.get(abs.id) ?? [];
    this.counters.set(abs.id, counters);
    const starts = this.starts.get(abs.id) ?? new Map<number, number>();
    this.starts.set(abs.id, starts);
    if (!this.usedInstances.has(numId)) {
      this.usedInstances.add(numId);
      for (const [i, o] of inst.overrides) {
        if (o.start === undefined && !o.level) continue;
        starts.set(i, o.start ?? o.level?.start ?? 1);
        counters[i] = undefined;
      }
    }
    const startOf = (i: number) => starts.get(i) ?? level(i)?.start ?? 1;
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = level(deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl <= restart - 1) counters[deeper] = undefined;
    }
    const suffix = lvl.suffix === 'nothing' ? '' : ' ';
    if (lvl.format === 'bullet') return { text: bulletText(lvl.text), suffix: ' ', bullet: true, ilvl };
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const value = counters[i] ?? startOf(i);
      const format = lvl.legal && i < ilvl ? 'decimal' : (level(i)?.format ?? 'decimal');
      return formatNumber(value, format === 'bullet' ? 'decimal' : format);
    });
    return { text: text.trim(), suffix, bullet: false, ilvl };
  }
}
