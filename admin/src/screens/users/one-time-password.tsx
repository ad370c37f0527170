import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A one-time password, shown once: large, easy to copy, with what to do with it. Focus moves
 * here so a screen reader reads it at once.
 */
export function OneTimePassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      const range = document.createRange();
      const code = box.current?.querySelector('.otp');
      if (code) {
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
    }
  };
  return (
    <section class="panel otp-box" tabIndex={-1} ref={box} aria-labelledby="otp-title">
      <h2 id="otp-title">Временный пароль для {email}</h2>
      <p class="otp" translate={false}>
        {password}
      </p>
      <p>
        Передайте его пользователю лично или по телефону. <strong>Больше он показан не будет.</strong> При первом входе
        пользователь задаст свой пароль.
      </p>
      <div class="actions">
        <button type="button" class="btn secondary" onClick={copy}>
          {copied ? 'Скопирован' : 'Скопировать'}
        </button>
        <button type="button" class="btn" onClick={onDone}>
          Готово, пароль передан
        </button>
      </div>
    </section>
  );
}
