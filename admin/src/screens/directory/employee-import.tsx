import { useState } from 'preact/hooks';
import type { ImportReport } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { FormError } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';

/** HR's CSV file: new employees are added, known ones (by slug) updated, bad lines listed. */
export function EmployeeImport({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { api, announce } = useConsole();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const act = useAction();
  useFocusFirstField(act.ref);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return act.fail({ file: 'Выберите файл CSV' });
    const form = new FormData();
    form.append('file', file);
    const r = await act.run(() => api.upload<ImportReport>('employees/import', form));
    if (!r) return;
    setResult(r);
    onImported();
    announce(
      `Загружено: добавлено ${r.created}, обновлено ${r.updated}${r.errors.length ? `, строк с ошибками ${r.errors.length}` : ''}`,
      r.errors.length ? 'error' : 'ok',
    );
  };

  return (
    <form
      class="panel inline-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h3>Загрузка сотрудников из CSV</h3>
      <p class="hint">
        UTF-8, первая строка — заголовки:{' '}
        <code>slug, name, position, department, manager_email, manager_name, active</code>; разделитель «;» или «,».
        Сотрудники с известным кодом обновляются, новые добавляются.
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
            setResult(null);
          }}
        />
        {act.fields.file && (
          <div id="import-file-error" class="field-error">
            {act.fields.file}
          </div>
        )}
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Загружаем…' : 'Загрузить'}
        </button>
        <button type="button" class="btn secondary" onClick={onClose}>
          Закрыть
        </button>
      </div>
      {result && (
        <div class="import-result" tabIndex={-1}>
          <p>
            <span class="strong">Добавлено: {result.created}</span>, обновлено: {result.updated}, строк с ошибками:{' '}
            {result.errors.length}.
          </p>
          {result.errors.length > 0 && (
            <table class="table compact">
              <caption>Строки, которые не загружены</caption>
              <thead>
                <tr>
                  <th scope="col">Строка</th>
                  <th scope="col">Что не так</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((err) => (
                  <tr key={err.line}>
                    <td data-label="Строка">{err.line}</td>
                    <td data-label="Что не так">{err.problems.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
