import type { ImportChange, ImportReport } from '../../shared/directory.ts';
import { FIELD_TITLES } from './employee-input.ts';

const shown = (v: ImportChange['from']) =>
  v === null ? 'пусто' : typeof v === 'boolean' ? (v ? 'да' : 'нет') : `«${v}»`;

/** «должность «Инженер» → «Старший инженер»; руководитель «Петров С.» → пусто» */
export const changeText = (changes: ImportChange[]) =>
  changes.map((c) => `${FIELD_TITLES[c.field]} ${shown(c.from)} → ${shown(c.to)}`).join('; ');

/**
 * The CLI's report of an import, in Russian: the counts first, then who is added and what
 * changes, then the refused lines — calmly, because most of a file usually goes in.
 */
export function importReportText(report: ImportReport, file: string): string {
  const r = report;
  const dry = r.dryRun;
  const counts = [
    `${dry ? 'Будет добавлено' : 'Добавлено'}: ${r.created}`,
    `обновлено: ${r.updated}`,
    `без изменений: ${r.unchanged}`,
  ];
  if (r.errors.length > 0) counts.push(`${dry ? 'не будет загружено' : 'не загружено'} строк: ${r.errors.length}`);
  const out = [dry ? `Проверка файла ${file}: ничего не записано.` : `Файл ${file} загружен.`, `${counts.join(', ')}.`];
  if (r.newDepartments.length > 0)
    out.push(`${dry ? 'Будут созданы подразделения' : 'Созданы подразделения'}: ${r.newDepartments.join(', ')}.`);
  if (r.added.length > 0) {
    out.push('', dry ? 'Будут добавлены:' : 'Добавлены:');
    for (const a of r.added) out.push(`  строка ${a.line}: ${a.slug} — ${a.name}`);
  }
  if (r.changed.length > 0) {
    out.push('', dry ? 'Будут изменены:' : 'Изменены:');
    for (const c of r.changed) out.push(`  строка ${c.line}: ${c.slug} — ${c.name}: ${changeText(c.changes)}`);
  }
  if (r.errors.length > 0) {
    // «The others» only when there are others: a file that can't be read, or whose every line is
    // refused, loads nothing.
    const others = r.created + r.updated + r.unchanged > 0;
    out.push(
      '',
      dry
        ? others
          ? 'Эти строки не будут загружены (остальные будут):'
          : 'Ничего не будет загружено:'
        : others
          ? 'Эти строки не загружены — исправьте их и загрузите файл снова (остальные уже загружены):'
          : 'Ничего не загружено — исправьте файл и загрузите его снова:',
    );
    for (const e of r.errors) out.push(`  строка ${e.line}: ${e.problems.join('; ')}`);
  }
  if (r.unknownColumns.length > 0)
    out.push('', `Столбцы, которые не читаются и ничего не меняют: ${r.unknownColumns.join(', ')}.`);
  if (dry && r.created + r.updated > 0)
    out.push('', `Чтобы загрузить: npm run cli -- employee import ${file.includes(' ') ? `"${file}"` : file}`);
  return out.join('\n');
}
