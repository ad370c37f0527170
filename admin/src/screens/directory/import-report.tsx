import type { ComponentChildren } from 'preact';
import type { ImportChange, ImportField, ImportReport } from '../../../../shared/directory.ts';

/** Each employee field as the console's forms name it. */
const FIELD_LABELS: Record<ImportField, string> = {
  name: 'Ф.И.О.',
  position: 'Должность',
  department: 'Подразделение',
  managerEmail: 'E-mail руководителя',
  managerName: 'Руководитель',
  email: 'E-mail сотрудника',
  active: 'Работает',
};

const value = (v: ImportChange['from']) =>
  v === null ? <span class="muted">пусто</span> : typeof v === 'boolean' ? v ? 'да' : 'нет' : v;

/** Longer lists start folded, so the counts and the refused lines stay in sight. */
function Section({
  title,
  count,
  open = count <= 15,
  children,
}: {
  title: string;
  count: number;
  open?: boolean;
  children: ComponentChildren;
}) {
  if (count === 0) return null;
  return (
    <details class="import-section" open={open}>
      <summary>
        {title} ({count})
      </summary>
      {children}
    </details>
  );
}

/**
 * What an import will do (a preview) or did: the counts first, then who is added, what changes
 * from what to what, and the refused lines with their reasons — calm words, since most of a file
 * usually goes in.
 */
export function ImportReportView({ report: r }: { report: ImportReport }) {
  const dry = r.dryRun;
  const counts = [
    `${dry ? 'Будет добавлено' : 'Добавлено'}: ${r.created}`,
    `обновлено: ${r.updated}`,
    `без изменений: ${r.unchanged}`,
  ];
  return (
    <>
      <p class="import-counts">
        <span class="strong">{counts.join(' · ')}</span>
        {r.errors.length > 0 && (
          <span>
            {' '}
            · {dry ? 'не будет загружено' : 'не загружено'} строк: {r.errors.length}
          </span>
        )}
      </p>
      {dry ? (
        <p class="hint">
          Это проверка: в справочнике пока ничего не изменилось.{' '}
          {r.created + r.updated > 0
            ? 'Посмотрите список и нажмите «Применить».'
            : 'Файл ничего не меняет: применять нечего.'}
        </p>
      ) : (
        r.errors.length > 0 && (
          <p class="hint">
            Остальные строки загружены. Исправьте строки из списка в файле и загрузите его снова: уже загруженные строки
            повторно ничего не изменят.
          </p>
        )
      )}
      {r.newDepartments.length > 0 && (
        <p>
          {dry ? 'Будут созданы подразделения' : 'Созданы подразделения'}: {r.newDepartments.join(', ')}.
        </p>
      )}
      {r.unknownColumns.length > 0 && (
        <p class="import-warn">
          Эти столбцы не распознаны и ничего не меняют: {r.unknownColumns.join(', ')}. Названия столбцов — в подсказке
          выше.
        </p>
      )}
      <Section title={dry ? 'Новые сотрудники' : 'Добавлены'} count={r.added.length}>
        <table class="table compact import-added">
          <caption class="sr">{dry ? 'Новые сотрудники' : 'Добавлены'}</caption>
          <thead>
            <tr>
              <th scope="col">Строка</th>
              <th scope="col">Сотрудник</th>
            </tr>
          </thead>
          <tbody>
            {r.added.map((a) => (
              <tr key={a.slug}>
                <td data-label="Строка">{a.line}</td>
                <td data-label="Сотрудник">
                  {a.name} <span class="muted code-like">{a.slug}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={dry ? 'Изменения' : 'Изменены'} count={r.changed.length}>
        <table class="table compact import-changed">
          <caption class="sr">{dry ? 'Изменения' : 'Изменены'}</caption>
          <thead>
            <tr>
              <th scope="col">Строка</th>
              <th scope="col">Сотрудник</th>
              <th scope="col">{dry ? 'Что изменится' : 'Что изменилось'}</th>
            </tr>
          </thead>
          <tbody>
            {r.changed.map((c) => (
              <tr key={c.slug}>
                <td data-label="Строка">{c.line}</td>
                <td data-label="Сотрудник">
                  {c.name} <span class="muted code-like">{c.slug}</span>
                </td>
                <td data-label={dry ? 'Что изменится' : 'Что изменилось'}>
                  {c.changes.map((ch) => (
                    <span class="sub" key={ch.field}>
                      {FIELD_LABELS[ch.field]}: {value(ch.from)} → {value(ch.to)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section
        title={dry ? 'Строки, которые не будут загружены' : 'Строки, которые не загружены'}
        count={r.errors.length}
        open
      >
        <table class="table compact import-errors">
          <caption class="sr">{dry ? 'Строки, которые не будут загружены' : 'Строки, которые не загружены'}</caption>
          <thead>
            <tr>
              <th scope="col">Строка</th>
              <th scope="col">Причина</th>
            </tr>
          </thead>
          <tbody>
            {r.errors.map((e) => (
              <tr key={e.line}>
                <td data-label="Строка">{e.line}</td>
                <td data-label="Причина">{e.problems.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
