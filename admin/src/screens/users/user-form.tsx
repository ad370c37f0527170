import { useState } from 'preact/hooks';
import { CONSOLE_FIELD_ERRORS } from '../../../../shared/console-errors.ts';
import { isEmail } from '../../../../shared/rules.ts';
import type { OneTimePasswordAnswer, Role, UserAnswer, UserItem } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { ROLE_LABELS } from '../../labels.ts';
import { FormError, SelectField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';

/** What each role may do, under the role's select (a phone's closed select cuts a long option). */
const ROLE_HINTS: Record<Role, string> = {
  admin: 'Пользователи и всё остальное.',
  qms: 'Обращения, модерация, справочник, журнал.',
  handler: 'Обращения своего подразделения: шаги жалоб, связь с клиентом, регистрация жалоб.',
  viewer: 'Читает обращения, отчёты и справочник, ничего не меняет.',
};

const ROLE_CHOICES = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** A new console user (→ his one-time password) or the changes of one: name, role, department. */
export function UserForm({
  initial,
  taken = [],
  onCreated,
  onSaved,
  onCancel,
}: {
  initial?: UserItem;
  /** The addresses that have an account already: a new user's is checked against them first. */
  taken?: readonly string[];
  onCreated?: (r: OneTimePasswordAnswer) => void;
  onSaved?: (user: UserItem) => void;
  onCancel: () => void;
}) {
  const { api, meta } = useConsole();
  const [email, setEmail] = useState(initial?.email ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<Role>(initial?.role ?? 'qms');
  const [departmentId, setDepartmentId] = useState(initial?.departmentId ?? '');
  // What Esc compares with, to ask before dropping a change.
  const [start] = useState(() => [email, name, role, departmentId].join('\n'));
  const act = useAction();
  useFocusFirstField(act.ref);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!initial && !email.trim()) problems.email = 'Введите e-mail';
    else if (!initial && !isEmail(email.trim())) problems.email = 'Проверьте адрес e-mail, например ivan@example.ru';
    else if (!initial && taken.some((t) => t.toLowerCase() === email.trim().toLowerCase()))
      problems.email = CONSOLE_FIELD_ERRORS.ru.emailTaken;
    if (!name.trim()) problems.name = 'Введите имя';
    if (role === 'handler' && !departmentId) problems.departmentId = 'Ответственному нужно подразделение';
    if (Object.keys(problems).length > 0) return act.fail(problems);
    const dep = role === 'handler' ? departmentId : departmentId || null;
    if (initial) {
      const r = await act.run(() =>
        api.send<UserAnswer>('PATCH', `users/${encodeURIComponent(initial.id)}`, {
          name: name.trim(),
          role,
          departmentId: dep,
        }),
      );
      if (r) onSaved?.(r.user);
    } else {
      const r = await act.run(() =>
        api.send<OneTimePasswordAnswer>('POST', 'users', {
          email: email.trim(),
          name: name.trim(),
          role,
          departmentId: dep,
        }),
      );
      if (r) onCreated?.(r);
    }
  };

  return (
    <form
      class="panel inline-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      onKeyDown={closeOnEscape(onCancel, [email, name, role, departmentId].join('\n') !== start)}
      noValidate
    >
      <h2>{initial ? `Изменение: ${initial.name}` : 'Новый пользователь'}</h2>
      <FormError message={act.error} />
      <div class="form-row">
        {!initial && (
          <TextField
            label="E-mail"
            type="email"
            autoComplete="off"
            value={email}
            onValue={setEmail}
            error={act.fields.email}
            required
            hint="Это его логин."
          />
        )}
        <TextField label="Имя" value={name} onValue={setName} error={act.fields.name} required />
      </div>
      <div class="form-row">
        <SelectField
          label="Роль"
          value={role}
          onValue={(v) => setRole(v as Role)}
          options={ROLE_CHOICES}
          error={act.fields.role}
          required
          hint={ROLE_HINTS[role]}
        />
        <SelectField
          label="Подразделение"
          value={departmentId}
          onValue={setDepartmentId}
          empty={role === 'handler' ? 'Выберите' : 'Не указано'}
          options={meta.departments.map((d) => ({ value: d.id, label: d.name }))}
          error={act.fields.departmentId}
          required={role === 'handler'}
          hint={role === 'handler' ? 'Он увидит только обращения этого подразделения.' : undefined}
        />
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Сохраняем…' : initial ? 'Сохранить' : 'Создать и показать пароль'}
        </button>
        <button type="button" class="btn secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
