import { useState } from 'preact/hooks';
import type { ImportReport } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { FormError } from '../../ui/fields.tsx';
import { focusSoon, useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { ImportReportView } from './import-report.tsx';

/**
 * HR's CSV file in two steps: «Проверить» shows what the import will add, change and refuse
 * (the server's dry run, nothing written), «Применить» imports the same file and shows what it did.
 */
export function EmployeeImport({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { api, announce } = useConsole();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const act = useAction();
  useFocusFirstField(act.ref);

  const send = async (dryRun: boolean) => {
    if (!file) return act.fail({ file: 'Выберите файл CSV' });
    const form = new FormData();
    form.append('file', file);
    const r = await act.run(() => api.upload<ImportReport>(`employees/import${dryRun ? '?dryRun=1' : ''}`, form));
    if (!r) return;
    setReport(r);
    focusSoon('.import-result');
    if (dryRun) return;
    onImported();
    const done = r.created + r.updated;
    const refused = r.errors.length > 0 ? `; не загружено строк: ${r.errors.length} — список ниже` : '';
    announce(
      `Загружено: добавлено ${r.created}, обновлено ${r.updated}${refused}`,
      done === 0 && r.errors.length > 0 ? 'error' : 'ok',
    );
  };

  const preview = report?.dryRun === true;
  const canApply = preview && report.created + report.updated > 0;
  return (
    <form
      class="panel inline-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void send(!canApply);
      }}
      noValidate
    >
      <h3>Загрузка сотрудников из CSV</h3>
      <p class="hint">
        UTF-8 или Windows-1251, первая строка — заголовки:{' '}
        <code>slug, name, position, department, manager_email, manager_name, email, active</code>; разделитель «;» или
        «,». Обязателен столбец <code>slug</code>; новому сотруднику нужны ещё <code>name</code> и{' '}
        <code>manager_email</code>. Пустая ячейка или отсутствующий столбец поле не меняют, «-» очищает его. Отключить
        или вернуть сотрудника — столбец <code>active</code> (да/нет).
      </p>
      <FormError message={act.error} />
      <div class="field">
        <label for="import-file">Файл CSV</label>
        <span class="req" aria-hidden="true">
          {' '}
          *
        </span>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={act.fields.file ? 'true' : undefined}
          aria-describedby={act.fields.file ? 'import-file-error' : undefined}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setReport(null);
          }}
        />
        {act.fields.file && (
          <div id="import-file-error" class="field-error">
            {act.fields.file}
          </div>
        )}
      </div>
      {report && (
        <section class="import-result" tabIndex={-1} aria-labelledby="import-result-title">
          <h4 id="import-result-title">
            {preview ? 'Проверка файла' : 'Загрузка завершена'}
            {file && <span class="muted">: {file.name}</span>}
          </h4>
          <ImportReportView report={report} />
        </section>
      )}
      <div class="actions">
        {report && !preview ? (
          <button type="button" class="btn" onClick={onClose}>
            Готово
          </button>
        ) : (
          <>
            <button type="submit" class="btn" disabled={act.busy}>
              {canApply ? (act.busy ? 'Загружаем…' : 'Применить') : act.busy ? 'Проверяем…' : 'Проверить файл'}
            </button>
            <button type="button" class="btn secondary" onClick={onClose}>
              Отмена
            </button>
          </>
        )}
      </div>
    </form>
  );
}
