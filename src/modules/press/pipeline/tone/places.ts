import { fold } from '../../../../shared/text/fold';
import { DEFAULT_TOPICS } from '../default-topics';
import { TermMatcher } from '../matcher';
import { isWordCharCode } from '../text';
import { compileTopics, type CompiledTopics, type TopicDefinition } from '../topics';
import { NATIONAL_TERMS, VIETNAM_PROVINCES } from './places.data';

/**
 * Where an article points: the province's own places (by default the place topics of the demo
 * province's watch list, matched like any topic) and, on the folded text, the other provinces of
 * Vietnam and the words of Vietnam as a state (./places.data.ts). The stance model uses them to
 * tell a story about the province from a story elsewhere that mentions it.
 */
export const PLACE_TOPIC_IDS = ['province', 'localities', 'border-gates', 'cua-viet', 'con-co'];

export interface PlaceMatchers {
  /** The province's places as topics (when the caller has no topic matches of its own). */
  own: CompiledTopics;
  ownIds: ReadonlySet<string>;
  /** Folded patterns of other provinces and national words; `national[i]` tells which. */
  elsewhere: TermMatcher;
  national: readonly boolean[];
}

export function compilePlaces(own?: TopicDefinition[]): PlaceMatchers {
  const ownTopics = own ?? DEFAULT_TOPICS.filter((t) => PLACE_TOPIC_IDS.includes(t.id));
  const ownFolded = new Set(ownTopics.flatMap((t) => t.terms.map(fold)));
  const patterns = new Map<string, boolean>();
  for (const p of VIETNAM_PROVINCES) if (!ownFolded.has(fold(p))) patterns.set(fold(p), false);
  for (const p of NATIONAL_TERMS) patterns.set(fold(p), true);
  return {
    own: compileTopics(ownTopics.map((t) => ({ ...t, exclude: [] }))),
    ownIds: new Set(ownTopics.map((t) => t.id)),
    elsewhere: new TermMatcher([...patterns.keys()]),
    national: [...patterns.values()],
  };
}

/** Counts of other-province and national words in folded text, whole words only. */
export function countElsewhere(places: PlaceMatchers, folded: string): { others: number; national: number } {
  let others = 0;
  let national = 0;
  places.elsewhere.scan(folded, (p, start, end) => {
    if (isWordCharCode(folded, start - 1) || isWordCharCode(folded, end)) return;
    if (places.national[p]) national++;
    else others++;
  });
  return { others, national };
}

let defaults: PlaceMatchers | null = null;
export const defaultPlaces = () => (defaults ??= compilePlaces());
