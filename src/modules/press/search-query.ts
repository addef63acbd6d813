import { sql, type SQL } from 'drizzle-orm';
import { fold } from '../../shared/text/fold';

/**
 * The search box's text → a condition on `press_articles` (alias `a`).
 *
 * Without quotes, `or` or `-word`, the words are one phrase (Vietnamese words are syllable pairs:
 * `quang tri` means the place, not two syllables anywhere). With them, it works as on the web:
 * `"…"` a phrase, `a or b` either, `-x` without, other words all required.
 *
 * A phrase of two or more syllables is the AND of its adjacent syllable pairs (`quang_tri`), looked
 * up in `search_pairs` (migration 0006): the GIN index answers it without reading rows. A single
 * syllable is looked up in `search`. Text with letters outside a–z after folding (Lao, other
 * scripts) goes through PostgreSQL's own `websearch_to_tsquery` on `search`.
 */
export function searchCondition(q: string, o: { opaque?: boolean } = {}): SQL | null {
  const folded = cleanQuery(q);
  if (!folded) return null;
  if (/[^\s"a-z0-9-]/.test(folded)) {
    const query = sql`websearch_to_tsquery('simple', ${webSearchText(folded)})`;
    return o.opaque ? sql`a.search @@ (SELECT ${query})` : sql`a.search @@ ${query}`;
  }
  const node = parseQuery(folded);
  return node ? toSql(node, o.opaque ?? false) : null;
}

export interface QueryLexemes {
  column: 'search' | 'search_pairs';
  lexemes: string[];
}

/** The lexemes a plain query (one phrase, as most are) looks up, and where; null for other queries. */
export function queryLexemes(q: string): QueryLexemes | null {
  const folded = cleanQuery(q);
  if (!folded || /[^\s"a-z0-9-]/.test(folded) || !isPlain(folded)) return null;
  const s = syllables(folded);
  if (s.length === 0) return null;
  if (s.length === 1) return { column: 'search', lexemes: s };
  return { column: 'search_pairs', lexemes: phrasePairs(s) };
}

/** A phrase's adjacent syllable pairs as `search_pairs` lexemes, each once (`quang_tri`). */
const phrasePairs = (s: string[]) => [...new Set(s.slice(1).map((w, i) => `${s[i]}_${w}`))];

/** The query for ranking by relevance (positions and weights live in `search`). */
export function rankQuery(q: string): SQL {
  return sql`websearch_to_tsquery('simple', ${webSearchText(cleanQuery(q))})`;
}

/** Syllables as the database stores them: runs of a–z and digits of the folded text. */
export const syllables = (folded: string) => folded.split(/[^a-z0-9]+/).filter(Boolean);

/** The `search_pairs` lexemes of an article's folded title and text, space-separated (`quang_tri tri_la …`). */
export function syllablePairs(...foldedParts: string[]): string {
  const pairs = new Set<string>();
  for (const part of foldedParts) {
    const s = syllables(part);
    for (let i = 1; i < s.length; i++) pairs.add(`${s[i - 1]}_${s[i]}`);
  }
  return [...pairs].join(' ');
}

/** Query tree: a phrase, all of, any of, not. */
export type QueryNode = { phrase: string[] } | { all: QueryNode[] } | { any: QueryNode[] } | { not: QueryNode };

const cleanQuery = (q: string) =>
  fold(q)
    .replace(/[^\p{L}\p{N}\s"-]/gu, ' ')
    .trim();
const isPlain = (folded: string) => !/["]|\bor\b|(^|\s)-/.test(folded);
const webSearchText = (folded: string) => (isPlain(folded) && folded.includes(' ') ? `"${folded}"` : folded);

function phrase(text: string): QueryNode | null {
  const s = syllables(text);
  return s.length ? { phrase: s } : null;
}

/** Exported for tests: the tree of an already folded query (null when nothing is left). */
export function parseQuery(folded: string): QueryNode | null {
  if (isPlain(folded)) return phrase(folded);
  // Tokens: -"phrase", "phrase", or, -word, word. `a or b` binds tighter than the implied AND.
  const groups: { nodes: QueryNode[]; negated: boolean }[] = [];
  let joinNext = false;
  for (const m of folded.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const raw = m[3];
    if (raw === 'or') {
      joinNext = groups.length > 0 && !groups[groups.length - 1].negated;
      continue;
    }
    const negated = m[1] === '-' || (raw !== undefined && raw.length > 1 && raw.startsWith('-'));
    const node = phrase(m[2] ?? (negated ? raw!.slice(1) : raw!));
    if (node) {
      if (joinNext && !negated) groups[groups.length - 1].nodes.push(node);
      else groups.push({ nodes: [node], negated });
    }
    joinNext = false;
  }
  const parts = groups.map((g): QueryNode => {
    const one = g.nodes.length === 1 ? g.nodes[0] : { any: g.nodes };
    return g.negated ? { not: one } : one;
  });
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : { all: parts };
}

/**
 * Lexemes are runs of a–z and digits (and `_`): nothing in them needs quoting.
 * `opaque` puts each tsquery in a scalar subquery, so the planner cannot see it and estimates it at its default
 * (0.5%) rather than as the product of the pairs' frequencies, which is far too low for a phrase (its pairs occur
 * together): used where the date range, not that guess, must decide the plan (search-hits.ts).
 */
function toSql(node: QueryNode, opaque = false): SQL {
  const tsquery = (text: string) => (opaque ? sql`(SELECT ${text}::tsquery)` : sql`${text}::tsquery`);
  if ('phrase' in node) {
    const s = node.phrase;
    if (s.length === 1) return sql`a.search @@ ${tsquery(`'${s[0]}'`)}`;
    return sql`a.search_pairs @@ ${tsquery(
      phrasePairs(s)
        .map((p) => `'${p}'`)
        .join(' & '),
    )}`;
  }
  if ('not' in node) return sql`NOT (${toSql(node.not, opaque)})`;
  const parts = ('all' in node ? node.all : node.any).map((n) => toSql(n, opaque));
  return sql`(${sql.join(parts, 'all' in node ? sql` AND ` : sql` OR `)})`;
}
