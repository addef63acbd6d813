import type { OrgEntry, PlanTask, PlanWarning, RoleKey } from '../types';
import { readField, type FieldKey } from './fields';
import type { Line } from './lines';
import { splitOrgList } from './org-list';
import { columnRole, tableColumns, type ColumnRole } from './tables';
import { findTargets } from './targets';
import { parseTimeWindow, type YearContext } from './time-window';
import { romanToInt, trimPunct } from './text-utils';

/**
 * The task tree. A task starts at a numbered line (`1.`, `2.1.`, `12.`) whatever its
 * markdown heading level or bold says; the code's prefix gives the parent. Inside a
 * task, labelled lines fill its fields and every other line is content.
 */
const TASK_HEAD = /^(\d{1,3}(?:\.\d{1,2}){0,3})(\.|\))?\s+(\S.*)$/u;

export function readTaskHead(line: Line): { code: string; title: string } | null {
  if (line.marker || line.kind === 'row') return null;
  const m = TASK_HEAD.exec(line.text);
  if (!m) return null;
  if (!m[2] && !m[1].includes('.')) return null;
  if (!/^[\p{Lu}“"‘'(«]/u.test(m[3])) return null;
  if (readField(m[3], '-')) return null;
  return { code: m[1], title: trimTitle(m[3]) };
}

const trimTitle = (s: string) => s.replace(/\s*[:.]+$/u, '').trim();

interface Draft {
  task: PlanTask;
  timeLabel: string;
  field: FieldKey | null;
  fieldEmpty: boolean;
}

export interface TaskParse {
  tasks: PlanTask[];
  /** line indexes consumed */
  consumed: number[];
}

function newTask(code: string, title: string, src: number[]): PlanTask {
  return {
    code,
    parent: null,
    title,
    content: [],
    time: { label: '', from: null, to: null },
    lead: [],
    advisory: [],
    coordinating: [],
    targets: [],
    notes: [],
    sourceLines: [Math.min(...src), Math.max(...src)],
  };
}

function extend(task: PlanTask, src: number[]): void {
  task.sourceLines = [Math.min(task.sourceLines[0], ...src), Math.max(task.sourceLines[1], ...src)];
}

const ROLE_FIELDS: Record<string, RoleKey> = { lead: 'lead', advisory: 'advisory', coordinating: 'coordinating' };

/** Prose tasks from the lines of the content section (indexes into `lines`). */
export function parseProseTasks(lines: Line[], indexes: number[], warnings: PlanWarning[]): { drafts: Draft[]; consumed: number[] } {
  const drafts: Draft[] = [];
  const consumed: number[] = [];
  const codes = new Set<string>();
  let current: Draft | null = null;
  for (const i of indexes) {
    const line = lines[i];
    const head = readTaskHead(line);
    if (head && !codes.has(head.code)) {
      const prev = drafts[drafts.length - 1]?.task.code;
      if (prev && !plausibleNext(prev, head.code)) {
        warnings.push({ code: 'plan.warn_task_number_skipped', line: line.src[0], details: { code: head.code, previous: prev } });
      }
      codes.add(head.code);
      current = { task: newTask(head.code, head.title, line.src), timeLabel: '', field: null, fieldEmpty: false };
      drafts.push(current);
      consumed.push(i);
      continue;
    }
    if (head) warnings.push({ code: 'plan.warn_task_duplicate', line: line.src[0], details: { code: head.code } });
    if (!current) continue; // before the first task: left for unparsed
    consumed.push(i);
    extend(current.task, line.src);
    const field = readField(line.text, line.marker || '-');
    if (field) {
      current.field = field.key;
      current.fieldEmpty = !field.value;
      applyField(current, field.key, field.value, field.label);
      continue;
    }
    const role = current.field ? ROLE_FIELDS[current.field] : undefined;
    if (role && current.fieldEmpty && line.marker) {
      current.task[role].push(...splitOrgList(line.text));
      continue;
    }
    if (current.field === 'time' && current.fieldEmpty) {
      current.timeLabel = line.text;
      current.fieldEmpty = false;
      continue;
    }
    current.task.content.push(line.text);
  }
  return { drafts, consumed };
}

function applyField(d: Draft, key: FieldKey, value: string, label: string): void {
  const role = ROLE_FIELDS[key];
  if (role) {
    if (value) d.task[role].push(...splitOrgList(value));
  } else if (key === 'time') {
    d.timeLabel = d.timeLabel ? `${d.timeLabel}; ${value}` : value;
  } else if (key === 'content') {
    if (value) d.task.content.push(value);
  } else {
    d.task.notes.push({ label, text: value });
  }
}

function plausibleNext(prev: string, code: string): boolean {
  const a = prev.split('.').map(Number);
  const b = code.split('.').map(Number);
  if (b.length === a.length + 1) return b.slice(0, -1).join('.') === prev && b[b.length - 1] === 1;
  for (let depth = Math.min(a.length, b.length); depth >= 1; depth--) {
    if (b.length === depth && a.slice(0, depth - 1).join('.') === b.slice(0, depth - 1).join('.')) {
      return b[depth - 1] === a[depth - 1] + 1;
    }
  }
  return false;
}

/** Tasks from the rows of a task table (lines with cells, same `table`). */
/** Columns whose merged cells are carried down to each row they cover. */
const CARRIED = new Set<ColumnRole>(['lead', 'advisory', 'coordinating', 'time', 'budget', 'note', 'target']);

export function parseTableTasks(lines: Line[], indexes: number[], nextTop: () => number): { drafts: Draft[]; consumed: number[] } {
  const drafts: Draft[] = [];
  const consumed: number[] = [];
  const rows = indexes.map((i) => lines[i].cells ?? []);
  if (rows.length === 0) return { drafts, consumed };
  const { roles, headerRows } = tableColumns(rows);
  for (let r = 0; r < headerRows && r < indexes.length; r++) consumed.push(indexes[r]);
  let group: string | null = null;
  let childNo = 0;
  let above: string[][] = [];
  for (let r = headerRows; r < rows.length; r++) {
    const i = indexes[r];
    const raw = rows[r];
    const col = (role: ColumnRole) => raw.filter((_, c) => roles[c] === role).flat();
    // a cell merged down from the row above (Word's vMerge: one lead or deadline for several tasks) holds its value for this row too
    const cells = raw.map((cell, c) =>
      lines[i].merged?.[c] === 'up' && cell.every((t) => !t.trim()) && CARRIED.has(roles[c]) ? (above[c] ?? cell) : cell,
    );
    above = cells;
    const codeCell = col('code').join(' ').trim().replace(/[.)]$/, '');
    const titleCell = col('title');
    consumed.push(i);
    if (/^\(?\d+\)?$/.test(codeCell) && r === headerRows && titleCell.every((t) => /^\(?\d+\)?$/.test(t))) continue; // column numbers row
    let code: string | null = null;
    const roman = romanToInt(codeCell);
    if (/^\d{1,2}(\.\d{1,2})*$/.test(codeCell)) {
      code = group && !codeCell.includes('.') ? `${group}.${codeCell}` : codeCell;
    } else if (roman && /^[IVX]+$/.test(codeCell)) {
      group = String(roman);
      childNo = 0;
      code = group;
    } else if (!codeCell && titleCell.length > 0 && drafts.length > 0 && col('lead').length === 0 && col('time').length === 0) {
      // a continuation row: more content for the previous task
      const prev = drafts[drafts.length - 1];
      prev.task.content.push(...titleCell);
      extend(prev.task, lines[i].src);
      continue;
    } else if (titleCell.length > 0) {
      code = group ? `${group}.${++childNo}` : String(nextTop());
    }
    if (!code || titleCell.length === 0) continue;
    if (group && code.startsWith(`${group}.`)) childNo = Number(code.split('.').pop());
    const d: Draft = { task: newTask(code, trimTitle(titleCell[0]), lines[i].src), timeLabel: '', field: null, fieldEmpty: false };
    for (const p of titleCell.slice(1)) {
      const field = readField(p.replace(/^[-+•]\s*/, ''), '-');
      if (field) applyField(d, field.key, field.value, field.label);
      else d.task.content.push(p.replace(/^[-+•]\s*(?:\+\s*)?/, ''));
    }
    for (const [c, role] of roles.entries()) {
      const value = (cells[c] ?? []).map((p) => trimPunct(p)).filter(Boolean);
      if (value.length === 0) continue;
      if (role === 'lead' || role === 'advisory' || role === 'coordinating') d.task[role].push(...splitOrgList(value.join('; ')));
      else if (role === 'time') d.timeLabel = value.join(' ');
      else if (role === 'target') d.task.content.push(...value);
      else if (role === 'budget' || role === 'note' || role === 'unknown') {
        d.task.notes.push({ label: headerLabel(lines, indexes, c, headerRows) || role, text: value.join('\n') });
      }
    }
    drafts.push(d);
  }
  return { drafts, consumed };
}

function headerLabel(lines: Line[], indexes: number[], c: number, headerRows: number): string {
  for (let r = headerRows - 1; r >= 0; r--) {
    const t = (lines[indexes[r]].cells?.[c] ?? []).join(' ').trim();
    if (t && columnRole(t) !== 'unknown') return t;
    if (t) return t;
  }
  return '';
}

/** Parents from codes, time windows, targets; warnings for missing leads and times. */
export function finishTasks(drafts: Draft[], ctx: YearContext, warnings: PlanWarning[]): PlanTask[] {
  const codes = new Set(drafts.map((d) => d.task.code));
  const withChildren = new Set<string>();
  for (const d of drafts) {
    const parts = d.task.code.split('.');
    let parent: string | null = null;
    for (let n = parts.length - 1; n >= 1; n--) {
      const p = parts.slice(0, n).join('.');
      if (codes.has(p)) {
        parent = p;
        break;
      }
    }
    if (parts.length > 1 && parent !== parts.slice(0, -1).join('.') && drafts.some((x) => x.task.code.split('.').length < parts.length)) {
      warnings.push({
        code: 'plan.warn_task_orphan',
        line: d.task.sourceLines[0],
        details: { code: d.task.code, parent: parts.slice(0, -1).join('.') },
      });
    }
    d.task.parent = parent;
    if (parent) withChildren.add(parent);
  }
  for (const d of drafts) {
    const t = d.task;
    t.time = d.timeLabel ? parseTimeWindow(d.timeLabel, ctx) : { label: '', from: null, to: null };
    if (d.timeLabel && !t.time.from && !t.time.to) {
      warnings.push({ code: 'plan.warn_time_unknown', line: t.sourceLines[0], details: { code: t.code, label: d.timeLabel } });
    }
    t.targets = findTargets([t.title, ...t.content, ...t.notes.map((n) => n.text)]);
    if (t.lead.length === 0 && !withChildren.has(t.code)) {
      warnings.push({ code: 'plan.warn_no_lead', line: t.sourceLines[0], details: { code: t.code } });
    }
  }
  return drafts.map((d) => d.task);
}

export type { Draft };
export type RoleEntries = OrgEntry[];
