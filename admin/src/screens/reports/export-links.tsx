import { exportHref } from './report-query.ts';

/**
 * «Скачать CSV / XLSX» of a report or of the inbox's current filter: plain links the browser
 * downloads, so the session cookie goes with them and nothing is held in the page.
 * @example <ExportLinks name="reports/weekly" params={{ week: '2026-W44' }} />
 */
export function ExportLinks({ name, params }: { name: string; params: Record<string, string> }) {
  return (
    <div class="export-links">
      {(['csv', 'xlsx'] as const).map((f) => (
        <a key={f} class="btn secondary small" href={exportHref(name, f, params)} download>
          Скачать {f.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
