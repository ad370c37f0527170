import { useEffect, useRef, useState } from 'preact/hooks';
import type { RegisteredComplaint } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { BASE, Link } from '../../router.tsx';

/**
 * What the registrar must say to the client before the call ends (seed 004 «Необходимо
 * обязательно сказать клиенту»): the number and the date of the answer, large and ready to copy
 * into a reply. Focus moves here so a screen reader reads it at once.
 */
export function TellClient({ registered, onAnother }: { registered: RegisteredComplaint; onAnother: () => void }) {
  const box = useRef<HTMLElement>(null);
  const text = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => box.current?.focus(), []);
  // A letter registered days after it came: the three working days count from its receipt and
  // may be over, and a date already past is no promise to read out.
  const late = Date.parse(registered.answerBy) <= Date.now();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(registered.tellClient);
      setCopied(true);
    } catch {
      // Plain HTTP or a refused permission: the text is selected for Ctrl+C.
      if (!text.current) return;
      const range = document.createRange();
      range.selectNodeContents(text.current);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  };

  return (
    <section class="panel tell-client" tabIndex={-1} ref={box} aria-labelledby="tell-title">
      <h2 id="tell-title">Скажите клиенту сейчас</h2>
      {late && (
        <p class="warn">
          Срок ответа уже прошёл: {formatDateTime(registered.answerBy)}. Не называйте его клиенту — извинитесь за
          задержку и назовите реальный срок ответа. Подтверждение с этим сроком на e-mail клиенту не отправлено.
        </p>
      )}
      {/* English for an English client: a screen reader reads it with its English voice. */}
      <p class="tell-text" ref={text} lang={registered.lang}>
        {registered.tellClient}
      </p>
      {registered.clientNotified && <p class="muted">Этот текст также отправлен клиенту по электронной почте.</p>}
      <dl class="dl">
        <div class="dl-row">
          <dt>Номер</dt>
          <dd class="strong">{registered.number}</dd>
        </div>
        <div class="dl-row">
          <dt>Ответить до</dt>
          <dd>
            <time dateTime={registered.answerBy}>{formatDateTime(registered.answerBy)}</time>
          </dd>
        </div>
      </dl>
      <div class="actions">
        <button type="button" class="btn secondary" onClick={copy}>
          {copied ? 'Скопировано' : 'Скопировать текст'}
        </button>
        <Link class="btn" href={`${BASE}/submissions/${encodeURIComponent(registered.id)}`}>
          Открыть карточку № {registered.number}
        </Link>
        <button type="button" class="btn secondary" onClick={onAnother}>
          Зарегистрировать ещё
        </button>
      </div>
    </section>
  );
}
