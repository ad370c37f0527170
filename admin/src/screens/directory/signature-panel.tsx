import { useRef, useState } from 'preact/hooks';
import type { Employee } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { LoadError, Loading } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';

/**
 * Copies the signature as rich text (a paste into a mail client's signature editor keeps the
 * stars and links) with plain text beside it; false when the browser can't (no ClipboardItem,
 * plain HTTP, permission refused).
 */
async function copyRich(html: string, text: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The employee's signature: drawn in a sandboxed frame (the server's HTML never enters the
 * console's page), with a copy button and the HTML code for mail clients that take code.
 */
export function SignaturePanel({ employee, onClose }: { employee: Employee; onClose: () => void }) {
  const { api, announce } = useConsole();
  const sig = useLoad(
    () => api.get<{ html: string; text: string }>(`employees/${encodeURIComponent(employee.slug)}/signature`),
    [employee.slug],
  );
  const code = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    if (!sig.data) return;
    if (await copyRich(sig.data.html, sig.data.text)) {
      setCopied('Подпись скопирована. Вставьте её в настройках подписи почтовой программы.');
    } else {
      // The fallback: the code selected and copied as text, for an editor that takes HTML.
      const details = code.current?.closest('details');
      if (details) details.open = true;
      code.current?.focus();
      code.current?.select();
      const ok = document.execCommand('copy');
      setCopied(
        ok
          ? 'Скопирован HTML-код подписи: вставьте его в редактор подписи в режиме HTML.'
          : 'Код подписи выделен: нажмите Ctrl+C, чтобы скопировать.',
      );
    }
    announce('Подпись скопирована');
  };

  return (
    <section class="panel inline-form signature" aria-labelledby={`sig-${employee.slug}`}>
      <h3 id={`sig-${employee.slug}`}>Подпись для писем: {employee.name}</h3>
      {sig.error ? (
        <LoadError error={sig.error} retry={sig.reload} />
      ) : !sig.data ? (
        <Loading />
      ) : (
        <>
          <iframe
            class="sig-preview"
            title={`Подпись ${employee.name}, как её увидит получатель`}
            sandbox=""
            srcDoc={sig.data.html}
          />
          <div class="actions">
            <button type="button" class="btn" onClick={copy}>
              Скопировать
            </button>
            <button type="button" class="btn secondary" onClick={onClose}>
              Закрыть
            </button>
            {copied && <span class="ok-note small">{copied}</span>}
          </div>
          <details>
            <summary>HTML-код и текстовая версия</summary>
            <label for={`sig-code-${employee.slug}`}>HTML-код</label>
            <textarea
              id={`sig-code-${employee.slug}`}
              ref={code}
              class="code"
              readOnly
              rows={5}
              value={sig.data.html}
            />
            <label for={`sig-text-${employee.slug}`}>Для писем без оформления</label>
            <textarea id={`sig-text-${employee.slug}`} class="code" readOnly rows={7} value={sig.data.text} />
          </details>
        </>
      )}
    </section>
  );
}
