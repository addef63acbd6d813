import set from './src/modules/press/pipeline/eval/tone-eval.json' with { type: 'json' };
import { evaluateTone, type LabelledArticle } from './src/modules/press/pipeline/tone/evaluate';
import { scoreTone } from './src/modules/press/pipeline/tone/score';
const arts = set.articles as LabelledArticle[];
for (const split of ['train','heldout'] as const) { const e = evaluateTone(arts,{split}); console.log(split, e.accuracy.toFixed(3), JSON.stringify(Object.fromEntries(Object.entries(e.byLanguage).map(([k,v])=>[k,v.accuracy.toFixed(2)])))); if (split==='train') for (const x of e.errors) { const a = arts.find(y=>y.id===x.id)!; const r = scoreTone(a); console.log(' ', x.id, x.expected, '->', x.predicted, x.score, r.evidence.map(e=>`${e.term}:${e.weight}`).join(', ')); } }
