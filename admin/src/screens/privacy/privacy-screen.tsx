import { useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import type { PersonEraseAnswer, PersonExportAnswer } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime, formatSize, plural } from '../../format.ts';
import { KIND_LABELS, label, MAIL_STATUS_LABELS, MAIL_TEMPLATE_LABELS } from '../../labels.ts';
import { BASE, Link } from '../../router.tsx';
import { FormError, TextField } from '../../ui/fields.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { Empty, PageTitle } from '../../ui/page.tsx';
import { failureText } from '../../ui/use-action.ts';

type Key = { email: string } | { phone: string };

const count = (n: number, one: string, few: string, many: string) => `${n} ${plural(n, one, few, many)}`;

/**
 * «Персональные данные» (admins): a person's request under 152-ФЗ — everything stored about him,
 * found by e-mail or phone, to download as JSON, and to erase everywhere. Both are in the audit log.
 */
export function PrivacyScreen() {
  const { api, announce } = useConsole();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [found, setFound] = useState<{ key: Key; data: PersonExportAnswer } | null>(null);
  const [erased, setErased] = useState<PersonEraseAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Персональные данные — Отклик';
  }, []);

  const fail = (err: unknown) => {
    if (err instanceof ApiFailure && Object.keys(err.fields).length > 0) setErrors(err.fields);
    else setFormError(failureText(err));
    // The field named wrong, else the form's error: where a keyboard user goes on from.
    focusSoon(() =>
      document.querySelector<HTMLElement>('.privacy-form [aria-invalid="true"], .privacy-form [role="alert"]'),
    );
  };

  const search = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    setErased(null);
    const key: Key = email.trim() ? { email: email.trim() } : { phone: phone.trim() };
    if (busy) return;
    setBusy(true);
    try {
      const data = await api.get<PersonExportAnswer>('persons', key);
      setFound({ key, data });
      // What was found is the answer to his search: its heading takes the focus and is read out.
      if (data.submissions.length + data.emails.length > 0) focusSoon('#person-found');
      else announce('Ничего не найдено');
    } catch (err) {
      setFound(null);
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    if (!found) return;
    const who = 'email' in found.key ? found.key.email : found.key.phone;
    if (
      !confirm(
        `Удалить все персональные данные ${who}? Обращения останутся только номерами и цифрами. Отменить нельзя.`,
      )
    )
      return;
    setBusy(true);
    try {
      const r = await api.send<PersonEraseAnswer>('POST', 'persons/erase', found.key);
      setErased(r);
      setFound(null);
      announce(`Удалено: ${count(r.submissions, 'обращение', 'обращения', 'обращений')}`);
      // The button pressed is gone with what it erased: focus goes to the note of what was erased.
      focusSoon('#person-erased');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Персональные данные</PageTitle>
      <p class="lead">
        Запрос человека о его данных (152-ФЗ): всё, что хранится о нём, по e-mail или телефону — выгрузить или удалить
        везде. Каждая выгрузка и удаление записываются в журнал без самих данных.
      </p>
      <form class="panel form-narrow privacy-form" onSubmit={search} noValidate>
        <TextField label="E-mail" type="email" value={email} onValue={setEmail} error={errors.email} />
        <TextField
          label="Телефон"
          type="tel"
          value={phone}
          onValue={setPhone}
          error={errors.phone}
          hint="В любом виде: 8 951 511-35-23 или +7 951 511-35-23"
        />
        <FormError message={formError} />
        {/* aria-disabled: a disabled button under the focus would drop it to the page's start. */}
        <button type="submit" class="btn" aria-disabled={busy}>
          Найти
        </button>
      </form>
      {erased && (
        <p class="ok-note" role="status" id="person-erased" tabIndex={-1}>
          Удалены персональные данные: {count(erased.submissions, 'обращение', 'обращения', 'обращений')},{' '}
          {count(erased.attachments, 'файл', 'файла', 'файлов')}, {count(erased.outbox, 'письмо', 'письма', 'писем')}.
        </p>
      )}
      {found && <Found data={found.data} busy={busy} onErase={erase} />}
    </>
  );
}

function Found({ data, busy, onErase }: { data: PersonExportAnswer; busy: boolean; onErase: () => void }) {
  const { submissions, emails } = data;
  if (submissions.length === 0 && emails.length === 0) return <Empty>Ничего не найдено.</Empty>;
  const file = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(data, null, 2))}`;
  return (
    <section class="panel" aria-labelledby="person-found">
      <h2 id="person-found" tabIndex={-1}>
        Найдено: {count(submissions.length, 'обращение', 'обращения', 'обращений')},{' '}
        {count(emails.length, 'письмо', 'письма', 'писем')}
      </h2>
      <ul class="person-submissions">
        {submissions.map((s) => (
          <li key={s.id}>
            <Link href={`${BASE}/submissions/${s.id}`}>№ {s.number}</Link> · {formatDateTime(s.createdAt)} ·{' '}
            {label(KIND_LABELS, typeof s.kind === 'string' ? s.kind : s.type)}
            {s.name && <> · {s.name}</>}
            {s.attachments.length > 0 && (
              <span class="sub muted">
                {s.attachments.map((f) => `${f.filename} (${formatSize(f.size)})`).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {emails.length > 0 && (
        <ul class="person-emails">
          {emails.map((m) => (
            <li key={m.id}>
              {label(MAIL_TEMPLATE_LABELS, m.template)} · {m.to.join(', ')} · {label(MAIL_STATUS_LABELS, m.status)} ·{' '}
              {formatDateTime(m.sentAt ?? m.createdAt)}
            </li>
          ))}
        </ul>
      )}
      <p class="actions">
        <a class="btn secondary" href={file} download="personal-data.json">
          Скачать JSON
        </a>{' '}
        <button type="button" class="btn danger" disabled={busy} onClick={onErase}>
          Удалить все данные
        </button>
      </p>
    </section>
  );
}
