export * from './types';
export { parseDate, formatWithOffset, DEFAULT_OFFSET } from './dates';
export { cleanText, cleanLine, htmlToText, foldAligned } from './text';
export { canonicaliseUrl, hostOf, countryFromUrl } from './url';
export { normaliseArticle, type NormaliseOptions } from './normalise';
export { detectLanguage, detectLanguageDetailed } from './language';
export { compileTopics, matchTopics, type TopicDefinition, type CompiledTopics, type TopicMatch, type TopicHit } from './topics';
export { DEFAULT_TOPICS } from './default-topics';
export * from './dedup';
export { scoreTone, compileLexicon, type ToneResult, type ToneEvidence, type ToneRule, type ToneInput } from './tone/score';
export { DEFAULT_LEXICONS, wordKey, type Lexicon } from './tone/lexicon';
export { applyCorrections, type ToneCorrection, type CorrectionOptions } from './tone/corrections';
export { evaluateTone, type LabelledArticle, type ToneEvaluation } from './tone/evaluate';
export {
  createStoryIndex,
  storyFeatures,
  STORY_DEFAULTS,
  type StoryIndex,
  type StoryInput,
  type StoryResult,
  type StoryOptions,
} from './story';
export { scoreStance, trainStance, leadOf, type StanceModel, type StanceResult, type StanceInput, type Target } from './tone/stance';
export { createAnalyser, raisesAlert, defaultStanceModel, ALERT_PROBABILITY, type Analysis, type Analyser } from './analyse';
