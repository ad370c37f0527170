import { useState } from 'preact/hooks';
import { IMPORTANCE_LABELS, IMPORTANCES, MANUAL_CHANNELS } from '../../../../shared/complaint-process.ts';
import type { RegisteredComplaint } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { CHANNEL_LABELS, label } from '../../labels.ts';
import { Field, FormError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useUnsaved } from '../../ui/unsaved.ts';
import { useAction } from '../../ui/use-action.ts';
import { moscowInputValue } from './moscow-time.ts';
import { body, type Draft, fresh, problemsOf } from './registration-draft.ts';

const CHANNEL_CHOICES = MANUAL_CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS, c) }));
const IMPORTANCE_CHOICES = IMPORTANCES.map((i) => ({ value: i, label: IMPORTANCE_LABELS[i] }));
const LANG_CHOICES = [
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'Английский' },
];

/** What the registrar writes down from the client: asked about before it is lost. */
const TYPED = [
  'organization',
  'inn',
  'name',
  'contactPosition',
  'phone',
  'email',
  'situationDate',
  'message',
  'performer',
] as const satisfies readonly (keyof Draft)[];

/** «Зарегистрировать жалобу»: a complaint that came by phone, visit, letter… entered as it is told. */
export function RegisterForm({ onRegistered }: { onRegistered: (r: RegisteredComplaint) => void }) {
  const { api, user, meta } = useConsole();
  const [draft, setDraft] = useState<Draft>(fresh);
  const act = useAction();
  useUnsaved(TYPED.some((k) => draft[k].trim() !== ''));
  useFocusFirstField(act.ref);
  const set = (k: Exclude<keyof Draft, 'notifyClient' | 'lang'>) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const ownDepartment = user.role === 'handler';
  const today = moscowInputValue(new Date()).slice(0, 10);
  const chosen = meta.departments.find((d) => d.id === (ownDepartment ? user.departmentId : draft.departmentId));
  const responsible = meta.handlers.find((h) => h.id === chosen?.responsibleUserId);
  const whoGetsIt = !chosen
    ? 'Ответственного назначит СМК.'
    : responsible
      ? `Жалоба сразу назначается ответственному: ${responsible.name.replace(/\.$/, '')}.` // «Бадыштова К.» ends one already
      : 'У подразделения нет ответственного по умолчанию: его назначит СМК.';

  const submit = async (e: Event) => {
    e.preventDefault();
    const { problems, receivedAt } = problemsOf(draft, new Date());
    if (Object.keys(problems).length > 0 || !receivedAt) return act.fail(problems);
    const registered = await act.run(() =>
      api.send<RegisteredComplaint>('POST', 'complaints', body(draft, receivedAt, ownDepartment)),
    );
    if (registered) onRegistered(registered);
  };

  return (
    <form
      class="panel register-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <FormError message={act.error} />
      <fieldset>
        <legend>Как поступила</legend>
        <div class="form-row">
          <SelectField
            label="Канал поступления"
            value={draft.channel}
            onValue={set('channel')}
            options={CHANNEL_CHOICES}
            error={act.fields.channel}
            required
          />
          <TextField
            label="Когда поступила"
            type="datetime-local"
            value={draft.receivedAt}
            onValue={set('receivedAt')}
            min={moscowInputValue(new Date(Date.now() - 365 * 86_400_000))}
            max={moscowInputValue(new Date())}
            error={act.fields.receivedAt}
            hint="По московскому времени. Сроки считаются от него."
            required
          />
          <SelectField
            label="Важность"
            value={draft.importance}
            onValue={set('importance')}
            options={IMPORTANCE_CHOICES}
            error={act.fields.importance}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Клиент</legend>
        <div class="form-row">
          <TextField
            label="Организация"
            value={draft.organization}
            onValue={set('organization')}
            error={act.fields.organization}
            autoComplete="off"
          />
          <TextField
            label="ИНН"
            inputMode="numeric"
            value={draft.inn}
            onValue={set('inn')}
            error={act.fields.inn}
            autoComplete="off"
          />
        </div>
        <div class="form-row">
          <TextField
            label="Контактное лицо"
            value={draft.name}
            onValue={set('name')}
            error={act.fields.name}
            hint="Ф.И.О. Нужно контактное лицо или организация."
            autoComplete="off"
          />
          <TextField
            label="Должность"
            value={draft.contactPosition}
            onValue={set('contactPosition')}
            error={act.fields.contactPosition}
            autoComplete="off"
          />
        </div>
        <div class="form-row">
          <TextField
            label="Телефон"
            type="tel"
            value={draft.phone}
            onValue={set('phone')}
            error={act.fields.phone}
            autoComplete="off"
          />
          <TextField
            label="E-mail"
            type="email"
            value={draft.email}
            onValue={set('email')}
            error={act.fields.email}
            autoComplete="off"
          />
        </div>
        <SelectField
          label="Язык клиента"
          value={draft.lang}
          onValue={(v) => setDraft((d) => ({ ...d, lang: v === 'en' ? 'en' : 'ru' }))}
          options={LANG_CHOICES}
          error={act.fields.lang}
          hint="На нём клиент получит подтверждение, ответ и опрос."
        />
        {draft.email.trim() !== '' && (
          <label class="check">
            <input
              type="checkbox"
              checked={draft.notifyClient}
              onChange={(e) => setDraft((d) => ({ ...d, notifyClient: e.currentTarget.checked }))}
            />{' '}
            Отправить клиенту на этот e-mail подтверждение с номером и сроком ответа
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Жалоба</legend>
        <TextAreaField
          label="Что произошло"
          rows={6}
          value={draft.message}
          onValue={set('message')}
          error={act.fields.message}
          hint="Как можно полнее: какая программа у клиента, что случилось, чего он ждёт."
          required
        />
        <div class="form-row">
          <TextField
            label="Дата ситуации"
            type="date"
            value={draft.situationDate}
            onValue={set('situationDate')}
            max={today}
            error={act.fields.situationDate}
            hint="Когда случилось то, на что жалуются."
          />
          <TextField
            label="Кто выполнял работу"
            value={draft.performer}
            onValue={set('performer')}
            error={act.fields.performer}
            hint="Кто и когда выполнял работы, какие."
          />
          {ownDepartment ? (
            <Field label="Подразделение" error={act.fields.departmentId} hint={whoGetsIt}>
              {(control) => (
                <output {...control} class="fixed-value">
                  {chosen?.name ?? 'Ваше подразделение'}
                </output>
              )}
            </Field>
          ) : (
            <SelectField
              label="Подразделение"
              value={draft.departmentId}
              onValue={set('departmentId')}
              empty="Не указано"
              options={meta.departments.map((d) => ({ value: d.id, label: d.name }))}
              error={act.fields.departmentId}
              hint={whoGetsIt}
            />
          )}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Регистрируем…' : 'Зарегистрировать'}
        </button>
      </div>
    </form>
  );
}
