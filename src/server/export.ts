// The room as a table for a spreadsheet: one row per result, CSV (UTF-8 with a BOM, so Excel
// keeps the accents) or XLSX (write-excel-file, typed cells).
import writeExcelFile, { type SheetData } from 'write-excel-file/node';
import type { Lang } from '../i18n/lang.ts';
import type { ServerContent } from './content.ts';
import type { ResultRow, SessionRow, TraineeRow } from './db.ts';
import { resultView, sessionCalls } from './views.ts';

type Cell = string | number | boolean | null;

/** The export's header and rows (values typed: numbers stay numbers in XLSX). */
export function exportTable(
  s: SessionRow,
  trainees: readonly TraineeRow[],
  results: readonly ResultRow[],
  content: ServerContent,
  lang: Lang,
): { header: string[]; rows: Cell[][] } {
  const calls = sessionCalls(s);
  const stepIds: string[] = [];
  for (const id of calls)
    for (const st of content.calls.get(id)?.steps ?? []) if (!stepIds.includes(st.id)) stepIds.push(st.id);
  const byId = new Map(trainees.map((t) => [t.id, t]));
  const header = [
    'session',
    'trainee',
    'joined_at',
    'call_number',
    'call',
    'title',
    'received_at',
    'late',
    'total',
    'process',
    'diagnosis',
    'diagnosis_at_s',
    'calmness',
    'outcome',
    'passed',
    'duration_s',
    ...stepIds.map((id) => `step:${id}`),
    'critical',
  ];
  const rows = results.map((r) => {
    const v = resultView(r);
    const t = byId.get(r.trainee_id);
    const titles = content.calls.get(r.scenario)?.titles ?? {};
    const sec = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
    return [
      s.name,
      t?.name ?? '',
      t?.joined_at ?? '',
      r.call_index + 1,
      r.scenario,
      titles[lang] ?? Object.values(titles)[0] ?? '',
      r.created_at,
      v.late,
      v.summary.total,
      v.summary.process,
      v.summary.diagnosis,
      sec(v.summary.diagnosisAt),
      v.summary.calmness,
      v.summary.outcome,
      v.summary.passed,
      sec(v.summary.duration),
      ...stepIds.map((id) => v.steps[id] ?? ''),
      v.fatal.join(' '),
    ];
  });
  return { header, rows };
}

/** RFC 4180 CSV with a BOM; a cell a spreadsheet would take for a formula is prefixed with a quote. */
export function toCsv(t: { header: string[]; rows: Cell[][] }, sep: ',' | ';' = ','): string {
  const cell = (v: Cell): string => {
    let s = v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [t.header, ...t.rows].map((r) => r.map(cell).join(sep));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(t: { header: string[]; rows: Cell[][] }, sheet: string): Promise<Buffer> {
  const data: SheetData = [
    t.header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...t.rows.map((r) => r.map((v) => (v === null || v === '' ? null : { value: v }))),
  ];
  // A sheet's name is at most 31 characters, without []:*?/\ .
  const name = sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'results';
  return writeExcelFile(data, { sheet: name, stickyRowsCount: 1 }).toBuffer();
}
