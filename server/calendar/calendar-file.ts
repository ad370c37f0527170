import { parse } from 'csv-parse/sync';
import { CALENDAR_NOTE_MAX, type CalendarDayType, isCalendarDay } from '../../shared/calendar-schema.ts';
import type { CalendarDayInput } from './calendar-store.ts';

/** What an import file holds: its good days, and each bad line by number with what is wrong. */
export interface CalendarFile {
  days: CalendarDayInput[];
  errors: Array<{ line: number; problems: string[] }>;
}

const TYPE_WORDS: Record<string, CalendarDayType> = {
  off: 'off',
  work: 'work',
  short: 'short',
  выходной: 'off',
  рабочий: 'work',
  сокращённый: 'short',
  сокращенный: 'short',
};

/** Column names for each field, English or Russian. */
const COLUMNS: Record<'day' | 'type' | 'note', string[]> = {
  day: ['day', 'date', 'день', 'дата'],
  type: ['type', 'тип'],
  note: ['note', 'comment', 'примечание', 'комментарий'],
};

const MAX_DAYS = 3000;

/**
 * Reads a calendar import file: a JSON array `[{"day":"2026-06-15","type":"off","note":"…"}]`, or
 * CSV with a header `day;type;note` (`;` or `,`, UTF-8 with or without a BOM). Types are
 * off|work|short or выходной|рабочий|сокращённый. Lines count from 1, the CSV header included.
 * @example readCalendarFile('day;type\n2026-06-15;выходной').days // [{ day: '2026-06-15', type: 'off' }]
 */
export function readCalendarFile(content: string): CalendarFile {
  const text = content.replace(/^\uFEFF/, '');
  const raw = /^\s*[[{]/.test(text) ? jsonEntries(text) : csvEntries(text);
  if ('error' in raw) return { days: [], errors: [raw.error] };
  if (raw.length > MAX_DAYS)
    return { days: [], errors: [{ line: 1, problems: [`more than ${MAX_DAYS} days in one file`] }] };
  const report: CalendarFile = { days: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { line, fields } of raw) {
    const problems: string[] = [];
    const day = typeof fields.day === 'string' ? fields.day.trim() : '';
    const type = typeof fields.type === 'string' ? TYPE_WORDS[fields.type.trim().toLowerCase()] : undefined;
    const note = typeof fields.note === 'string' ? fields.note.trim() : '';
    if (!isCalendarDay(day)) problems.push('day: give a date as YYYY-MM-DD');
    else if (seen.has(day)) problems.push(`day: ${day} is already given on line ${seen.get(day)}`);
    if (!type) problems.push('type: off, work or short (выходной, рабочий, сокращённый)');
    if (fields.note != null && typeof fields.note !== 'string') problems.push('note: must be text');
    if (note.length > CALENDAR_NOTE_MAX) problems.push(`note: at most ${CALENDAR_NOTE_MAX} characters`);
    if (problems.length > 0) report.errors.push({ line, problems });
    else report.days.push({ day, type: type!, ...(note ? { note } : {}) });
    if (isCalendarDay(day) && !seen.has(day)) seen.set(day, line);
  }
  return report;
}

type Entries = Array<{ line: number; fields: Record<string, unknown> }> | { error: CalendarFile['errors'][number] };

function jsonEntries(text: string): Entries {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // V8 names the position of most errors (not of an unexpected token): read as a line, else 1.
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    return { error: { line, problems: [`not valid JSON: ${message}`] } };
  }
  if (!Array.isArray(data)) return { error: { line: 1, problems: ['the JSON must be an array of days'] } };
  const lines = elementLines(text);
  return data.map((item, i) => ({
    line: lines[i] ?? 1,
    fields: typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {},
  }));
}

/** The line each element of a (valid) JSON array starts on. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expecting = false;
  for (const ch of text) {
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expecting && !/\s|,|\]/.test(ch)) {
      lines.push(line);
      expecting = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') expecting = ++depth === 1;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expecting = true;
  }
  return lines;
}

function csvEntries(text: string): Entries {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { error: { line, problems: [`the file can't be read from here on: ${(err as Error).message}`] } };
  }
  const [head, ...rows] = records;
  const names = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, aliases]) => [field, names.findIndex((n) => aliases.includes(n))]),
  ) as Record<keyof typeof COLUMNS, number>;
  if (index.day < 0 || index.type < 0)
    return { error: { line: 1, problems: ['the header must name the columns day and type (and note)'] } };
  return rows.map(({ record, info }) => ({
    line: info.lines,
    fields: { day: record[index.day], type: record[index.type], note: index.note < 0 ? '' : record[index.note] },
  }));
}
