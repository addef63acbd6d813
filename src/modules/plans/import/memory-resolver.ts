import { GROUP_PHRASES, type OrgKind } from '../../orgs';
import { foldKey } from '../../../shared/text/fold';
import type { OrgResolver } from './resolve';

/**
 * An OrgResolver over an in-memory directory (DEMO_ORGS shape), for tests and the CLI's
 * tests: fold-based token similarity over each organisation's name, short name and aliases.
 */
export interface MemoryOrg {
  key: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  aliases?: string[];
  validFrom?: string;
  validTo?: string;
  /** Successor keys, or a key with the duties that moved to it (all of them when not said). */
  successors?: Array<string | { key: string; duties?: readonly string[] }>;
}

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\btp\b/g, 'thanh pho'],
  [/\btx\b/g, 'thi xa'],
  [/\bbch\b/g, 'bo chi huy'],
  [/\bbdbp\b/g, 'bo doi bien phong'],
  [/\bpt th\b/g, 'phat thanh truyen hinh'],
  [/\btt tt\b/g, 'thong tin truyen thong'],
  [/\bva\b/g, ' '],
];

export function normaliseName(name: string): string {
  let s = foldKey(name);
  for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  return s.replace(/ +/g, ' ').trim();
}

/** Without the generic tail a plan may or may not write (`tỉnh`, `tỉnh Quảng Trị`). */
const stripTail = (s: string) => s.replace(/( tinh)?( quang tri)?$/, '').trim();

function dice(a: string, b: string): number {
  const A = new Set(a.split(' ').filter(Boolean));
  const B = new Set(b.split(' ').filter(Boolean));
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const t of A) if (B.has(t)) common++;
  return (2 * common) / (A.size + B.size);
}

export function nameSimilarity(written: string, known: string): number {
  const a = normaliseName(written);
  const b = normaliseName(known);
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (stripTail(a) === stripTail(b) && stripTail(a)) return 0.97;
  return dice(a, b);
}

const validOn = (o: MemoryOrg, date: string | null) =>
  !date || ((!o.validFrom || o.validFrom <= date) && (!o.validTo || o.validTo >= date));

const asResolverOrg = (o: MemoryOrg) => ({
  orgId: o.key,
  name: o.name,
  shortName: o.shortName,
  validFrom: o.validFrom ?? null,
  validTo: o.validTo ?? null,
});

export function createMemoryResolver(orgs: MemoryOrg[]): OrgResolver {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const groupOn = (key: string, onDate: string | null) => {
    let g = GROUP_PHRASES.find((x) => x.key === key);
    const chain = [];
    while (g && onDate && g.validTo && g.validTo < onDate && g.successor) {
      const next = GROUP_PHRASES.find((x) => x.key === g!.successor);
      if (!next) break;
      chain.push({ from: g.key, fromName: g.name, validTo: g.validTo, to: next.key, toName: next.name });
      g = next;
    }
    return { g, chain };
  };
  return {
    async successors(orgId) {
      return (byKey.get(orgId)?.successors ?? []).flatMap((s) => {
        const { key, duties } = typeof s === 'string' ? { key: s, duties: ['all'] } : s;
        const o = byKey.get(key);
        return o ? [{ ...asResolverOrg(o), duties: [...(duties ?? ['all'])] }] : [];
      });
    },
    async match(name, onDate) {
      return orgs
        .filter((o) => validOn(o, onDate))
        .map((o) => ({
          ...asResolverOrg(o),
          score: Math.max(...[o.name, o.shortName ?? '', ...(o.aliases ?? [])].filter(Boolean).map((k) => nameSimilarity(name, k))),
        }))
        .filter((c) => c.score > 0.3)
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .slice(0, 10);
    },
    async group(key, onDate) {
      const { g, chain } = groupOn(key, onDate);
      if (!g) return { groupId: null, members: [] };
      return {
        groupId: g.key,
        key: g.key,
        name: g.name,
        chain,
        members: orgs.filter((o) => g.kinds.includes(o.kind) && validOn(o, onDate)).map((o) => ({ orgId: o.key, name: o.name })),
      };
    },
  };
}
