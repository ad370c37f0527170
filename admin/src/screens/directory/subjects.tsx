import { useState } from 'preact/hooks';
import { subjectCreate, subjectPatch } from '../../../../shared/directory-schema.ts';
import { listOf } from '../../api/list-of.ts';
import type { Subject } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { canEdit } from '../../permissions.ts';
import { FormError, TextAreaField, TextField } from '../../ui/fields.tsx';
import { focusSoon, useFocusFirstField } from '../../ui/focus.ts';
import { Empty, LoadError, Loading } from '../../ui/page.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useLoad } from '../../ui/use-load.ts';
import { check } from './check.ts';

/** Rating subjects other than employees (delivery, …), each with the addresses its ratings go to. */
export function Subjects() {
  const { api, user, reloadMeta, announce } = useConsole();
  const list = useLoad(async () => listOf<Subject>(await api.get('subjects')), []);
  const [open, setOpen] = useState<string | null>(null);
  const editor = canEdit(user);

  const close = () => {
    focusSoon(open === '' ? '#subj-add' : `#subj-edit-${open}`);
    setOpen(null);
  };
  const saved = (text: string) => {
    close();
    list.reload();
    reloadMeta();
    announce(text);
  };

  return (
    <section aria-labelledby="dir-subjects">
      <div class="section-head">
        <h2 id="dir-subjects">Предметы оценки</h2>
        {editor && open !== '' && (
          <button type="button" id="subj-add" class="btn" onClick={() => setOpen('')}>
            Добавить предмет
          </button>
        )}
      </div>
      <p class="lead">
        Что клиенты оценивают, кроме сотрудников: например, качество доставки. Страница оценки — /r/код.
      </p>
      {open === '' && (
        <SubjectForm
          taken={(list.data ?? []).map((x) => x.slug)}
          onSaved={() => saved('Предмет оценки добавлен')}
          onCancel={close}
        />
      )}
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>Предметов оценки пока нет.</Empty>
      ) : (
        <table class="table">
          <caption class="sr">Предметы оценки</caption>
          <thead>
            <tr>
              <th scope="col">Название</th>
              <th scope="col">Код</th>
              <th scope="col">Кому приходят оценки</th>
              {editor && (
                <th scope="col">
                  <span class="sr">Действия</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => [
              <tr key={s.slug} class={s.active === false ? 'inactive' : undefined}>
                <td data-label="Название" class="strong">
                  {s.title}
                  {s.titleEn && (
                    <span class="sub muted" lang="en">
                      {s.titleEn}
                    </span>
                  )}
                </td>
                <td data-label="Код" class="code-like">
                  {s.slug}
                </td>
                <td data-label="Кому">
                  {s.recipients?.length ? s.recipients.join(', ') : <span class="muted">—</span>}
                </td>
                {editor && (
                  <td class="row-actions">
                    <button
                      type="button"
                      id={`subj-edit-${s.slug}`}
                      class="btn secondary small"
                      aria-expanded={open === s.slug}
                      onClick={() => setOpen(open === s.slug ? null : s.slug)}
                    >
                      Изменить<span class="sr"> {s.title}</span>
                    </button>
                  </td>
                )}
              </tr>,
              open === s.slug && (
                <tr key={`${s.slug}-edit`} class="edit-row">
                  <td colSpan={4}>
                    <SubjectForm initial={s} onSaved={() => saved('Сохранено')} onCancel={close} />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SubjectForm({
  initial,
  taken = [],
  onSaved,
  onCancel,
}: {
  initial?: Subject;
  taken?: string[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { api, meta } = useConsole();
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [titleEn, setTitleEn] = useState(initial?.titleEn ?? '');
  const [recipients, setRecipients] = useState((initial?.recipients ?? []).join('\n'));
  const act = useAction();
  useFocusFirstField(act.ref);

  const submit = async (e: Event) => {
    e.preventDefault();
    const words = {
      slug: { invalid: 'Латинские строчные буквы, цифры и дефис: delivery' },
      title: { required: 'Введите название' },
      recipients: { email: 'Проверьте адреса: каждый — e-mail, через запятую или с новой строки' },
    };
    const r = initial
      ? check(subjectPatch, { title, titleEn, recipients }, words)
      : check(subjectCreate, { slug, title, titleEn, recipients }, words);
    const problems = r.ok ? {} : r.problems;
    const list = r.ok ? (r.data.recipients ?? []) : [];
    if (!initial && !problems.slug && [...taken, ...meta.employees.map((e) => e.slug)].includes(slug.trim()))
      problems.slug = 'Этот код уже занят';
    if (r.ok && list.length === 0) problems.recipients = 'Нужен хотя бы один адрес';
    if (Object.keys(problems).length > 0) return act.fail(problems);
    const ok = await act.run(async () => {
      if (initial)
        await api.send('PATCH', `subjects/${encodeURIComponent(initial.slug)}`, {
          title: title.trim(),
          // An emptied field clears the English title: English pages show the Russian one again.
          titleEn: titleEn.trim() || null,
          recipients: list,
        });
      else
        await api.send('POST', 'subjects', {
          slug: slug.trim(),
          title: title.trim(),
          ...(titleEn.trim() && { titleEn: titleEn.trim() }),
          recipients: list,
        });
      return true;
    });
    if (ok) onSaved();
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
      <h3>{initial ? `Изменение: ${initial.title}` : 'Новый предмет оценки'}</h3>
      <FormError message={act.error} />
      <div class="form-row">
        {!initial && (
          <TextField
            label="Код (slug)"
            value={slug}
            onValue={setSlug}
            error={act.fields.slug}
            required
            spellcheck={false}
            autoComplete="off"
          />
        )}
        <TextField
          label="Название"
          value={title}
          onValue={setTitle}
          error={act.fields.title}
          required
          hint="Например: Качество доставки"
        />
        <TextField
          label="Название по-английски"
          value={titleEn}
          onValue={setTitleEn}
          error={act.fields.titleEn}
          lang="en"
          hint="Для английской страницы оценки, например: Delivery quality. Пусто — русское название."
        />
      </div>
      <TextAreaField
        label="Получатели оценок"
        value={recipients}
        onValue={setRecipients}
        error={act.fields.recipients}
        required
        rows={3}
        hint="Адреса e-mail, по одному в строке или через запятую."
      />
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Сохраняем…' : initial ? 'Сохранить' : 'Добавить'}
        </button>
        <button type="button" class="btn secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
