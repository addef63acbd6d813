/** The plan importer: extract a source document, parse it into a plan, resolve its organisations. */
export { extractSource, type ExtractOptions } from './source/extract';
export type { OcrProgress } from './source/ocr';
export { extractSourceInWorker, SOURCE_PARSE_TIMEOUT_MS } from './source-worker';
export { MAX_DOCX_PARAGRAPHS } from './source.task';
export { parsePlan } from './parse/parse-plan';
export { splitOrgList } from './parse/org-list';
export { parseTimeWindow } from './parse/time-window';
export { BUDGET_SOURCES, type BudgetSource } from './parse/budget';
export * from './types';
export { resolvePlanOrgs, planDate, MATCH_THRESHOLD, MATCH_MARGIN, type OrgResolver, type ResolveOptions } from './resolve';
export { createMemoryResolver, nameSimilarity, type MemoryOrg } from './memory-resolver';
