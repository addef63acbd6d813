import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { viCountry, viNumber, viPercent } from '../../shared/format/vi-number';
import { translate } from '../../shared/messages/catalogue';
import { issuerCodeOf, officialDocToBuffer, type OfficialBlock } from '../../shared/official-doc';
import { orgs } from '../orgs';
import { getSettings, signatureOf } from '../settings';
import { CASE_STATUSES, type CaseStatus } from './cases.workflow';
import { dashboardFigures, digestPeriod, negativeArticles, topStories } from './dashboard.service';

export type DigestKind = 'daily' | 'weekly' | 'monthly';
const t = (key: string, params?: Record<string, unknown>) => translate('vi', key, params);
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const n = viNumber;

/**
 * The press-opinion digest (điểm báo) as an official .docx (Nghị định 30/2020 layout), issued
 * and signed by the secretariat organisation of the settings (its head, or a deputy for the head,
 * with the name from the `signers` setting).
 */
export async function buildDigest(db: Db, kind: DigestKind, date: string): Promise<{ buffer: Buffer; filename: string }> {
  const period = digestPeriod(kind, date);
  const [fig, stories, negatives, settings] = await Promise.all([
    dashboardFigures(db, period),
    topStories(db, period, 10),
    negativeArticles(db, period, 30),
    getSettings(db),
  ]);
  // Without a province setting (a new installation before `ttdn province init`) the place is left to fill.
  const province = (settings.province ?? { name: '…', place: '…' }) as { name: string; place?: string };
  const secretariatId = typeof settings.secretariatOrgId === 'string' ? settings.secretariatOrgId : null;
  const [secretariat] = secretariatId
    ? await db.select({ name: orgs.name, shortName: orgs.shortName, docCode: orgs.docCode }).from(orgs).where(eq(orgs.id, secretariatId))
    : [];
  const signature = await signatureOf(db, secretariatId, settings);
  const span =
    period.from === period.to
      ? t('press.doc.span_day', { date: vnDate(period.from) })
      : t('press.doc.span_range', { from: vnDate(period.from), to: vnDate(period.to) });
  const para = (text: string): OfficialBlock => ({ type: 'paragraph', indent: true, text });
  const toneRow = (tone: 'positive' | 'neutral' | 'negative') => [
    t(`press.tone.${tone}`),
    n(fig.tone[tone]),
    viPercent(fig.tone[tone], fig.articles),
  ];

  const body: OfficialBlock[] = [
    { type: 'heading', level: 1, text: t('press.doc.general') },
    para(t('press.doc.general_text', { span, articles: n(fig.articles), stories: n(fig.stories), province: province.name })),
    {
      type: 'table',
      header: [t('press.doc.tone'), t('press.doc.articles'), t('press.doc.share')],
      rows: [toneRow('positive'), toneRow('neutral'), toneRow('negative')],
    },
    { type: 'heading', level: 2, text: t('press.doc.by_language') },
    ...fig.languages.map((l): OfficialBlock => ({
      type: 'bullet',
      text: t('press.doc.language_line', {
        language: t(`press.lang.${l.language in LANGS ? l.language : 'other'}`),
        n: n(l.articles),
        share: viPercent(l.articles, fig.articles),
      }),
    })),
    ...fig.countries.slice(0, 8).map((c): OfficialBlock => ({
      type: 'bullet',
      marker: '+',
      text: t('press.doc.country_line', { country: viCountry(c.country), n: n(c.articles) }),
    })),
    { type: 'heading', level: 2, text: t('press.doc.top_outlets') },
    {
      type: 'table',
      header: [t('press.doc.outlet'), t('press.doc.articles'), t('press.doc.negative')],
      rows: fig.outlets.map((o) => [o.outlet, n(o.articles), n(o.negative)]),
    },
    { type: 'heading', level: 1, text: t('press.doc.stories') },
    ...(stories.length
      ? stories.map((s): OfficialBlock => ({
          type: 'bullet',
          text: t('press.doc.story_line', { title: s.title, n: n(s.n), outlets: s.outlets }),
        }))
      : [para(t('press.doc.no_stories'))]),
    { type: 'heading', level: 1, text: t('press.doc.negatives') },
    ...(negatives.length
      ? negatives.map((a): OfficialBlock => ({
          type: 'bullet',
          text: t('press.doc.negative_line', {
            title: a.title,
            outlet: a.outlet ?? '',
            date: vnDate(new Date(a.published_at).toISOString().slice(0, 10)),
          }),
        }))
      : [para(t('press.doc.no_negatives'))]),
    { type: 'heading', level: 1, text: t('press.doc.cases') },
    ...(fig.openCases.length
      ? fig.openCases.map((c): OfficialBlock => ({
          type: 'bullet',
          text: t('press.doc.case_line', { status: CASE_STATUSES[c.status as CaseStatus]?.vi ?? c.status, n: n(c.cases) }),
        }))
      : [para(t('press.doc.no_cases'))]),
  ];

  const kindWord = t(`press.doc.kind.${kind}`);
  const title = t('press.doc.title', { kind: kindWord });
  const buffer = await officialDocToBuffer({
    issuer: { parent: `UBND tỉnh ${province.name}`, name: secretariat?.name ?? '' },
    number: null,
    kindCode: 'BC',
    issuerCode: secretariat?.docCode || issuerCodeOf(secretariat?.shortName),
    place: province.place ?? province.name,
    date,
    kind: t('press.doc.kind'),
    title: [title, t('press.doc.title_about', { province: province.name, span })],
    body,
    signature,
    recipients: [t('press.doc.to_province'), t('press.doc.to_departments'), t('press.doc.archive')],
    meta: { title: `${title} ${period.from}–${period.to}` },
  });
  return { buffer, filename: `diem-bao-${kind}-${period.from}_${period.to}.docx` };
}

const LANGS = { vi: 1, en: 1, lo: 1 };
