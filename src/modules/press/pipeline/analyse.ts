import { loadPressCorpus } from './eval/corpus';
import { createDedupIndex, type DedupIndex, type DedupResult } from './dedup';
import { normaliseArticle } from './normalise';
import { createStoryIndex, type StoryIndex, type StoryOptions } from './story';
import { scoreStance, trainStance, type StanceModel, type StanceResult } from './tone/stance';
import { compileTopics, matchTopics, type CompiledTopics, type TopicMatch } from './topics';
import { DEFAULT_TOPICS } from './default-topics';
import type { Language, NormalisedArticle, RawArticle } from './types';

/**
 * The whole press pipeline for one article, as ingestion runs it: normalise (language, folding,
 * date), watch-list topics, near-copy detection (./dedup.ts), story grouping (./story.ts) and tone
 * as stance toward the province (./tone/stance.ts), and whether it raises an alert.
 */
export interface Analysis {
  article: NormalisedArticle;
  topics: TopicMatch[];
  copy: DedupResult;
  storyId: string;
  stance: StanceResult;
  alert: boolean;
}

/** Alert rule: a watched topic, negative toward the province or the country (P ≥ 0.5). */
export const ALERT_PROBABILITY = 0.5;
export function raisesAlert(stance: StanceResult, topics: readonly TopicMatch[]): boolean {
  return (
    topics.length > 0 && stance.probabilities.negative >= ALERT_PROBABILITY && (stance.target === 'province' || stance.target === 'vietnam')
  );
}

let defaultModel: StanceModel | null = null;
/** The stance model trained on the labelled corpus's train split (./eval/corpus), once per process. */
export function defaultStanceModel(): StanceModel {
  return (defaultModel ??= trainStance(
    loadPressCorpus()
      .filter((a) => a.split === 'train')
      .map((a) => ({ title: a.title, text: a.lead, language: asLanguage(a.language), tone: a.tone })),
  ));
}

export const asLanguage = (l: string): Language => (l === 'vi' || l === 'en' || l === 'lo' ? l : 'other');

export interface AnalyserOptions {
  topics?: CompiledTopics;
  stance?: StanceModel;
  story?: StoryOptions;
}

export interface Analyser {
  analyse(raw: RawArticle & { id?: string }): Analysis;
  readonly dedup: DedupIndex;
  readonly stories: StoryIndex;
}

export function createAnalyser(options: AnalyserOptions = {}): Analyser {
  const topics = options.topics ?? compileTopics(DEFAULT_TOPICS);
  const model = options.stance ?? defaultStanceModel();
  const dedup = createDedupIndex();
  const stories = createStoryIndex(options.story);
  // The stance model reads the province's places from the watch list's own matches when it has them.
  const placeIds = model.places.ownIds;
  const hasPlaces = topics.topics.some((t) => placeIds.has(t.id));
  const storyOfCopy = new Map<string, string>();
  let seq = 0;
  return {
    dedup,
    stories,
    analyse(raw) {
      const id = raw.id ?? `a${++seq}`;
      const article = normaliseArticle(raw);
      const matches = matchTopics(topics, article);
      const copy = dedup.add({ id, foldedTitle: article.foldedTitle, foldedText: article.foldedText, publishedAt: article.publishedAt });
      // A near copy belongs to the story of what it copies; anything else is grouped by what it reports.
      let storyId: string;
      const copied = copy.isNew ? undefined : storyOfCopy.get(copy.storyId);
      if (copied) storyId = copied;
      else storyId = stories.add({ id, title: article.title, text: article.text, publishedAt: article.publishedAt }).storyId;
      if (copy.isNew) storyOfCopy.set(copy.storyId, storyId);
      const placeHits = hasPlaces ? matches.filter((m) => placeIds.has(m.topicId)).flatMap((m) => m.hits) : undefined;
      const stance = scoreStance(model, {
        title: article.title,
        text: article.text,
        language: article.language,
        foldedTitle: article.foldedTitle,
        placeHits,
      });
      return { article, topics: matches, copy, storyId, stance, alert: raisesAlert(stance, matches) };
    },
  };
}
