import { asLanguage, createAnalyser, type Analysis } from '../analyse';
import { loadPressCorpus, type CorpusArticle } from './corpus';
import { alertFigures, groupingFigures, toneFigures, type AlertFigures, type GroupingFigures, type ToneFigures } from './measure';

export interface CorpusFigures {
  split: 'train' | 'heldout';
  tone: ToneFigures;
  alerts: AlertFigures;
  grouping: GroupingFigures;
  rows: { article: CorpusArticle; analysis: Analysis }[];
}

/**
 * Runs the whole pipeline (./analyse.ts, stance model trained on the train split) over every
 * article of the corpus in order of publication, as a stream of new articles would arrive, and
 * measures on one split: tone against the labels, alerts per negative story, false alerts per
 * non-negative article, and same-story pairs (articles of the other split are there too, as the
 * distractors a real stream has).
 */
export function evaluateCorpus(split: 'train' | 'heldout' = 'heldout'): CorpusFigures {
  const corpus = loadPressCorpus();
  const ordered = [...corpus].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const analyser = createAnalyser();
  const results = new Map<string, Analysis>();
  for (const a of ordered)
    results.set(
      a.id,
      analyser.analyse({
        id: a.id,
        title: a.title,
        text: a.lead,
        outlet: a.outlet,
        url: a.url,
        publishedAt: a.date ? `${a.date}T08:00:00+07:00` : null,
        language: asLanguage(a.language),
      }),
    );
  const rows = corpus.filter((a) => a.split === split).map((article) => ({ article, analysis: results.get(article.id)! }));
  return {
    split,
    tone: toneFigures(rows.map((r) => ({ actual: r.article.tone, predicted: r.analysis.stance.tone }))),
    alerts: alertFigures(rows.map((r) => ({ story: r.article.story, tone: r.article.tone, alerted: r.analysis.alert }))),
    grouping: groupingFigures(rows.map((r) => ({ story: r.article.story, group: r.analysis.storyId }))),
    rows,
  };
}
