import { useId, useState } from 'preact/hooks';
import type { Card } from '../../api/types.ts';
import { FormError, TextAreaField, TextField } from '../../ui/fields.tsx';
import { useUnsaved } from '../../ui/unsaved.ts';
import { moscowInstant } from './complaint-format.ts';
import { useCardPost } from './use-card-post.ts';

type Props = { card: Card; onCard: (c: Card) => void };

/** «Это первый контакт (1.2)»: offered while step 1.2 is open and stage 1 is not closed. */
function FirstContact({ card, checked, onChange }: { card: Card; checked: boolean; onChange: (v: boolean) => void }) {
  const open = !card.complaint?.stage1ClosedAt && card.complaint?.steps.some((s) => s.step === '1.2' && !s.doneAt);
  if (!open) return null;
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> Это первый контакт
      (1.2)
    </label>
  );
}

/** Talking to the client: a reply by e-mail (from the QMS's address, answers come back there) and a call. */
export function ComplaintContact({ card, onCard }: Props) {
  return (
    <section class="panel" aria-labelledby="complaint-contact">
      <h3 id="complaint-contact">Связь с клиентом</h3>
      <div class="contact-forms">
        <ReplyForm card={card} onCard={onCard} />
        <CallForm card={card} onCard={onCard} />
      </div>
    </section>
  );
}

function ReplyForm({ card, onCard }: Props) {
  const [text, setText] = useState('');
  const [first, setFirst] = useState(false);
  useUnsaved(text.trim() !== '');
  const act = useCardPost(card, onCard, ['text']);
  const noEmail = useId();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return act.fail({ text: 'Напишите текст письма' });
    if (await act.post('replies', { text: text.trim(), firstContact: first }, 'Письмо поставлено в очередь')) {
      setText('');
      setFirst(false);
    }
  };
  return (
    <form
      aria-labelledby="complaint-reply"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h4 id="complaint-reply">Ответ по e-mail{card.email ? `: ${card.email}` : ''}</h4>
      {!card.email && (
        <p id={noEmail} class="muted small">
          {card.consent.erasedAt
            ? 'Персональные данные клиента удалены: его e-mail больше не известен.'
            : 'Клиент не оставил e-mail: ответьте по телефону и запишите звонок.'}
        </p>
      )}
      <FormError message={act.message} />
      <fieldset disabled={!card.email} aria-describedby={card.email ? undefined : noEmail}>
        <TextAreaField
          label="Текст письма"
          value={text}
          onValue={setText}
          error={act.fields.text}
          rows={4}
          maxLength={10_000}
        />
        <FirstContact card={card} checked={first} onChange={setFirst} />
        <div class="actions">
          <button type="submit" class="btn" disabled={act.busy || !card.email}>
            {act.busy ? 'Отправляем…' : 'Отправить письмо'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function CallForm({ card, onCard }: Props) {
  const [at, setAt] = useState('');
  const [summary, setSummary] = useState('');
  const [first, setFirst] = useState(false);
  useUnsaved(summary.trim() !== '');
  const act = useCardPost(card, onCard, ['at', 'summary']);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!summary.trim()) return act.fail({ summary: 'Кратко запишите, о чём говорили' });
    const body = { summary: summary.trim(), firstContact: first, ...(at ? { at: moscowInstant(at) } : {}) };
    if (await act.post('calls', body, 'Звонок записан')) {
      setAt('');
      setSummary('');
      setFirst(false);
    }
  };
  return (
    <form
      aria-labelledby="complaint-call"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h4 id="complaint-call">Звонок клиенту</h4>
      <FormError message={act.message} />
      <TextField
        label="Когда"
        type="datetime-local"
        hint="По Москве; пусто — сейчас."
        value={at}
        onValue={setAt}
        error={act.fields.at}
      />
      <TextAreaField
        label="О чём говорили"
        value={summary}
        onValue={setSummary}
        error={act.fields.summary}
        rows={3}
        maxLength={5000}
      />
      <FirstContact card={card} checked={first} onChange={setFirst} />
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Записываем…' : 'Записать звонок'}
        </button>
      </div>
    </form>
  );
}
