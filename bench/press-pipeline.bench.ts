/**
 * Press pipeline throughput on one core: normalise + language + topic match (1,000 terms)
 * + near-duplicate grouping (+ tone), over synthetic Vietnamese-like articles with copies.
 * Run: npx tsx bench/press-pipeline.bench.ts [articles=4000]
 * Then the labelled corpus of real articles (src/modules/press/pipeline/eval/corpus): tone
 * macro-F1 and confusion matrix, alerts per negative story, false alerts, same-story pairs, on the
 * held-out split (model tuned on train) and, for comparison, on train.
 * Prints the machine and the ratio to a baseline measured in the same run (folding each article).
 * Each line: a warm-up over 300 articles, then the median of three timed passes over the corpus
 * (the machine may be shared: one pass alone is noisy).
 */
import os from 'node:os';
import evalSet from '../src/modules/press/pipeline/eval/tone-eval.json' with { type: 'json' };
import { fold } from '../src/shared/text/fold';
import { createAnalyser, defaultStanceModel } from '../src/modules/press/pipeline/analyse';
import { loadPressCorpus } from '../src/modules/press/pipeline/eval/corpus';
import { evaluateCorpus } from '../src/modules/press/pipeline/eval/evaluate-corpus';
import { TONES } from '../src/modules/press/pipeline/eval/measure';
import { createStoryIndex } from '../src/modules/press/pipeline/story';
import { scoreStance } from '../src/modules/press/pipeline/tone/stance';
import {
  DEFAULT_TOPICS,
  MINHASH_IMPLEMENTATION,
  compileTopics,
  createDedupIndex,
  detectLanguage,
  evaluateTone,
  matchTopics,
  normaliseArticle,
  scoreTone,
  type LabelledArticle,
  type TopicDefinition,
} from '../src/modules/press/pipeline';

const N = Number(process.argv[2] ?? 4000);
let seed = 42;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];

const SYL = (
  'tỉnh quảng trị đông hà vĩnh linh gio cam lộ triệu phong hải lăng hướng hóa đầu tư kinh tế biển đảo biên giới ' +
  'nhân quyền tôn giáo dân tộc cửa việt lao bảo la lay thông tin đối ngoại phát triển du lịch hợp tác huyện xã người dân ' +
  'doanh nghiệp chính quyền của và các những được trong với cho là có đã này một từ đến tại về năm ngày tháng công trình ' +
  'dự án hội nghị lãnh đạo đoàn công tác tăng trưởng thu hút khu vực nhà nước bảo đảm an ninh trật tự xây dựng nông thôn mới ' +
  'giáo dục y tế văn hóa thể thao giao thông vận tải thương mại xuất khẩu nhập khẩu cà phê lúa gạo điện gió năng lượng'
).split(' ');
const TERMS =
  'quảng trị|đông hà|vĩnh linh|gio linh|cam lộ|hải lăng|hướng hóa|lao bảo|la lay|cửa việt|biên giới|nhân quyền|tôn giáo|đầu tư'.split('|');

function sentence(): string {
  const n = 8 + Math.floor(rnd() * 14);
  const w = Array.from({ length: n }, () => pick(SYL));
  if (rnd() < 0.3) w.splice(Math.floor(rnd() * n), 0, pick(TERMS));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}
function article(i: number) {
  const paras = Array.from({ length: 7 + Math.floor(rnd() * 5) }, () =>
    Array.from({ length: 4 + Math.floor(rnd() * 3) }, sentence).join(' '),
  );
  const day = 1 + (i % 28);
  return {
    title: sentence().slice(0, -1),
    text: paras.join('\n\n'),
    outlet: `Báo ${i % 20}`,
    url: `https://bao${i % 20}.vn/bai-${i}.html`,
    publishedAt: `${String(day).padStart(2, '0')}/03/2024 08:30`,
  };
}

// Corpus: ~20 % copies of an earlier article with a new footer or a few edited words.
const corpus: ReturnType<typeof article>[] = [];
for (let i = 0; i < N; i++) {
  if (i > 10 && rnd() < 0.2) {
    const src = corpus[Math.floor(rnd() * corpus.length)];
    const words = src.text.split(' ');
    for (let k = 0; k < words.length / 50; k++) words[Math.floor(rnd() * words.length)] = pick(SYL);
    corpus.push({
      ...src,
      url: `https://copy${i % 7}.vn/${i}`,
      outlet: `Trang ${i % 7}`,
      text: `${words.join(' ')}\n\nNguồn: trang ${i % 7}`,
    });
  } else corpus.push(article(i));
}
const avgChars = Math.round(corpus.reduce((s, a) => s + a.text.length + a.title.length, 0) / corpus.length);

// 1,000 topic terms: the default watch list plus generated two- and three-syllable phrases.
const extra: TopicDefinition[] = [];
const seen = new Set(DEFAULT_TOPICS.flatMap((t) => t.terms.map(fold)));
let termCount = seen.size;
for (let t = 0; termCount < 1000; t++) {
  const terms: string[] = [];
  while (terms.length < 10 && termCount < 1000) {
    const p = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYL)).join(' ');
    if (!seen.has(fold(p))) {
      seen.add(fold(p));
      terms.push(p);
      termCount++;
    }
  }
  extra.push({ id: `gen-${t}`, name: `gen ${t}`, terms });
}
const t0 = performance.now();
const compiled = compileTopics([...DEFAULT_TOPICS, ...extra]);
const compileMs = performance.now() - t0;

const PASSES = 3;
function run(label: string, fn: (a: (typeof corpus)[number], i: number) => unknown) {
  for (let i = 0; i < Math.min(300, corpus.length); i++) fn(corpus[i], i); // warm-up
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (let i = 0; i < corpus.length; i++) fn(corpus[i], i);
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[PASSES >> 1];
  return { label, ms, perSec: (corpus.length / ms) * 1000 };
}

const baseline = run('baseline: fold title + text', (a) => fold(a.title) + fold(a.text));
let dedup = createDedupIndex();
let stories = 0;
const pipeline = (withTone: boolean) => (a: (typeof corpus)[number], i: number) => {
  if (i === 0) {
    dedup = createDedupIndex();
    stories = 0;
  }
  const n = normaliseArticle(a);
  matchTopics(compiled, n);
  const d = dedup.add({ id: String(i), foldedTitle: n.foldedTitle, foldedText: n.foldedText, publishedAt: n.publishedAt });
  if (d.isNew) stories++;
  if (withTone) scoreTone(n);
  return d;
};
const core = run('normalise + language + match + dedup', pipeline(false));
const coreStories = stories;
const full = run('… + lexicon tone (whole text)', pipeline(true));
// The product's pipeline (src/modules/press/pipeline/analyse.ts): the above with story grouping and
// tone as stance (model trained once, before timing, on the labelled corpus's train split).
const model = defaultStanceModel();
let analyser = createAnalyser({ topics: compiled, stance: model });
let grouped = new Set<string>();
const product = run('whole pipeline: + story + stance', (a, i) => {
  if (i === 0) {
    analyser = createAnalyser({ topics: compiled, stance: model });
    grouped = new Set();
  }
  const r = analyser.analyse({ ...a, id: String(i) });
  grouped.add(r.storyId);
  return r;
});
const parts = [
  run('  normalise (incl. language)', (a) => normaliseArticle(a)),
  run('  language alone', (a) => detectLanguage(`${a.title}\n${a.text}`)),
  run('  match 1,000 terms', (a) => matchTopics(compiled, a)),
  run('  tone (lexicon, whole text)', (a) => scoreTone({ title: a.title, text: a.text, language: 'vi' })),
  run('  stance (title + lead)', (a) => scoreStance(model, { title: a.title, text: a.text, language: 'vi' })),
];
const folded = corpus.map((a) => ({ foldedTitle: fold(a.title), foldedText: fold(a.text), publishedAt: '2024-03-12T08:00:00+07:00' }));
let dd = createDedupIndex();
parts.push(
  run('  dedup (on folded text)', (_a, i) => {
    if (i === 0) dd = createDedupIndex();
    return dd.add({ id: String(i), ...folded[i] });
  }),
);

const cpu = os.cpus()[0]?.model ?? 'unknown';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log('Press pipeline benchmark');
console.log(`machine: ${cpu}, ${os.cpus().length} cores, ${os.platform()} ${os.arch()}, Node ${process.version}`);
console.log(
  `corpus: ${corpus.length} articles, ${fmt(avgChars)} chars on average; ${compiled.patternCount} topic patterns compiled in ${compileMs.toFixed(1)} ms`,
);
console.log(`MinHash: ${MINHASH_IMPLEMENTATION}; each line the median of ${PASSES} passes`);
const storyIndex = { current: createStoryIndex() };
parts.push(
  run('  story grouping', (a, i) => {
    if (i === 0) storyIndex.current = createStoryIndex();
    return storyIndex.current.add({ id: String(i), title: a.title, text: a.text, publishedAt: folded[i].publishedAt });
  }),
);
for (const r of [baseline, core, full, product, ...parts]) {
  console.log(
    `${r.label.padEnd(40)} ${fmt(r.perSec).padStart(8)} articles/s  (${((r.ms / corpus.length) * 1000).toFixed(0)} µs each, ${(baseline.perSec / r.perSec).toFixed(1)}× baseline time)`,
  );
}
console.log(`stories: ${coreStories} for ${corpus.length} articles`);
console.log(`stories of the whole pipeline: ${grouped.size} for ${corpus.length} articles`);
console.log(`target ≥ 2,000 articles/s per core, whole pipeline with story and stance: ${product.perSec >= 2000 ? 'met' : 'NOT met'}`);
const articles = evalSet.articles as LabelledArticle[];
for (const split of ['train', 'heldout'] as const) {
  const e = evaluateTone(articles, { split });
  const langs = Object.entries(e.byLanguage)
    .map(([l, v]) => `${l} ${(v.accuracy * 100).toFixed(0)}% (${v.n})`)
    .join(', ');
  console.log(`tone accuracy, ${split}: ${(e.accuracy * 100).toFixed(1)}% of ${e.n} — ${langs}`);
}
// The labelled corpus: figures on both splits (train is in-sample for the model: an upper bound).
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
for (const split of ['heldout', 'train'] as const) {
  const f = evaluateCorpus(split);
  const c = f.tone.confusion;
  console.log(`\ncorpus, ${split}: ${f.rows.length} real articles`);
  console.log(
    `  tone macro-F1 ${f.tone.macroF1.toFixed(3)} (target ≥ 0.80), accuracy ${pct(f.tone.accuracy)}; per class F1: ` +
      TONES.map((t) => `${t} ${f.tone.perClass[t].f1.toFixed(2)}`).join(', '),
  );
  console.log('  confusion (rows: label, columns: predicted)   positive  neutral  negative');
  for (const a of TONES) console.log(`    ${a.padEnd(44)}${TONES.map((p) => String(c[a][p]).padStart(9)).join('')}`);
  console.log(
    `  alerts: ${f.alerts.alertedNegativeStories}/${f.alerts.negativeStories} negative stories (${pct(f.alerts.storyRecall)}, target ≥ 85 %); ` +
      `false alerts ${f.alerts.falseAlerts}/${f.alerts.nonNegativeArticles} non-negative articles (${pct(f.alerts.falseAlertRate)}, target ≤ 3.3 %)`,
  );
  console.log(
    `  same story: precision ${f.grouping.precision.toFixed(3)} (${f.grouping.correctPairs}/${f.grouping.predictedPairs}, target ≥ 0.90), ` +
      `recall ${f.grouping.recall.toFixed(3)} (${f.grouping.correctPairs}/${f.grouping.truePairs}, target ≥ 0.70)`,
  );
}
// Throughput on the real articles (title + lead, so shorter than the synthetic ones).
const real = loadPressCorpus().map((a, i) => ({ ...a, i }));
const realRuns = (label: string, fn: (a: (typeof real)[number]) => unknown) => {
  const times: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const start = performance.now();
    for (let k = 0; k < 10; k++) for (const a of real) fn(a);
    times.push(performance.now() - start);
  }
  const ms = times.sort((x, y) => x - y)[2];
  return { label, ms, perSec: ((real.length * 10) / ms) * 1000 };
};
const realBase = realRuns('baseline: fold title + lead', (a) => fold(a.title) + fold(a.lead));
let realAnalyser = createAnalyser({ stance: model });
let count = 0;
const realFull = realRuns('whole pipeline (+ story + stance)', (a) => {
  if (count++ % real.length === 0) realAnalyser = createAnalyser({ stance: model });
  return realAnalyser.analyse({ id: a.id, title: a.title, text: a.lead, publishedAt: a.date, language: a.language });
});
console.log(`\nreal articles, ${real.length} × 10 per pass, median of 5 passes:`);
for (const r of [realBase, realFull])
  console.log(
    `${r.label.padEnd(40)} ${fmt(r.perSec).padStart(8)} articles/s  (${((r.ms / real.length / 10) * 1000).toFixed(0)} µs each, ${(realBase.perSec / r.perSec).toFixed(1)}× baseline time)`,
  );
const mem = process.memoryUsage();
console.log(`memory: RSS ${(mem.rss / 1048576).toFixed(0)} MB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
