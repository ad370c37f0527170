import { useRef, useState } from 'preact/hooks';
import type { Employee } from '../../../../shared/directory.ts';
import { asFailure } from '../../api/client.ts';
import { useConsole } from '../../app-context.ts';
import { LoadError, Loading } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { failureText } from '../../ui/use-action.ts';

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
 * console's page), with a copy button, the HTML code for mail clients that take code and, for
 * editors, «Отправить подпись сотруднику»: an e-mail to him with his signature page and how to paste it.
 */
export function SignaturePanel({
  employee,
  onClose,
  onEdit,
}: {
  employee: Employee;
  onClose: () => void;
  /** Opens his form, to add the e-mail address the signature goes to; only editors get it. */
  onEdit?: () => void;
}) {
  const { api, announce } = useConsole();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async () => {
    setSending(true);
    try {
      const r = await api.send<{ sentTo: string }>(
        'POST',
        `employees/${encodeURIComponent(employee.slug)}/signature/send`,
      );
      const text = `Письмо со ссылкой на подпись отправлено на ${r.sentTo}.`;
      setSent({ ok: true, text });
      announce(text);
    } catch (err) {
      const f = asFailure(err);
      setSent({ ok: false, text: Object.values(f.fields)[0] ?? failureText(f) });
    } finally {
      setSending(false);
    }
  };
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
            // The snippet as its own answer, whose policy lets its inline styles show (the console's
            // doesn't, and a srcdoc frame would take it).
            src={`/api/admin/employees/${encodeURIComponent(employee.slug)}/signature.html`}
          />
          <div class="actions">
            <button type="button" class="btn" onClick={copy}>
              Скопировать
            </button>
            {onEdit && employee.email && (
              <button
                type="button"
                class="btn secondary"
                onClick={send}
                disabled={sending || !employee.active}
                aria-describedby={`sig-send-${employee.slug}`}
              >
                {sending ? 'Отправляем…' : 'Отправить подпись сотруднику'}
              </button>
            )}
            <button type="button" class="btn secondary" onClick={onClose}>
              Закрыть
            </button>
            {copied && <span class="ok-note small">{copied}</span>}
          </div>
          {sent ? (
            <p id={`sig-send-${employee.slug}`} role="status" class={sent.ok ? 'ok-note' : 'error-text'}>
              {sent.text}
            </p>
          ) : (
            onEdit && (
              <p id={`sig-send-${employee.slug}`} class="hint">
                {!employee.active ? (
                  'Сотрудник отключён: его подпись не принимает оценки, отправлять её не нужно.'
                ) : employee.email ? (
                  <>
                    Письмо со ссылкой на страницу подписи и инструкцией, как вставить её в почту, уйдёт на{' '}
                    <span class="strong">{employee.email}</span>.
                  </>
                ) : (
                  <>
                    Чтобы отправить подпись сотруднику по почте, укажите его e-mail.{' '}
                    <button type="button" class="link-button" onClick={onEdit}>
                      Указать e-mail
                    </button>
                  </>
                )}
              </p>
            )
          )}
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
