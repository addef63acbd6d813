/**
 * The outline (đề cương) a consolidated report follows, as data: the ministry sends one with each
 * year's guidance, and the secretariat may later choose or edit one (stored templates are a later
 * step; the default below is used until then). Each section names the part of the report that
 * fills it and its heading's message key; headings are numbered I, II, … in order.
 *
 * The default follows the ministry's recent outlines for provincial foreign-information reports:
 * leadership and direction; results by task; overall assessment (strengths, limits, causes);
 * next period's tasks; proposals; an appendix of figure tables.
 */
export type OutlinePart =
  'leadership' | 'results' | 'strengths' | 'limitations' | 'causes' | 'nextTasks' | 'proposals' | 'reporting' | 'appendix';

export interface OutlineSection {
  /** Message key of the heading (without its number). */
  heading: string;
  /** The part that fills it; a section with children has none of its own. */
  part?: OutlinePart;
  /** Sub-sections, numbered 1., 2., … */
  children?: OutlineSection[];
  /** Marked as drafted from the data, for the author to review. */
  drafted?: boolean;
}

export interface ReportOutline {
  key: string;
  /** Message key of the outline's name, for a later choice list. */
  name: string;
  sections: OutlineSection[];
}

export const DEFAULT_OUTLINE: ReportOutline = {
  key: 'ministry-default',
  name: 'reports.outline.default',
  sections: [
    { heading: 'reports.doc.leadership', part: 'leadership' },
    { heading: 'reports.doc.results', part: 'results' },
    {
      heading: 'reports.doc.assessment',
      drafted: true,
      children: [
        { heading: 'reports.doc.strengths', part: 'strengths' },
        { heading: 'reports.doc.limitations', part: 'limitations' },
        { heading: 'reports.doc.causes', part: 'causes' },
      ],
    },
    { heading: 'reports.doc.next_tasks', part: 'nextTasks' },
    { heading: 'reports.doc.proposals', part: 'proposals' },
    { heading: 'reports.doc.appendix', part: 'appendix' },
  ],
};
