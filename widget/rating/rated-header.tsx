import type { Rated } from './rating-api.ts';
import { textLang } from '../shared/text-lang.ts';
import type { RatingTexts } from './settings.ts';

/** «ИИ» for «Иванов Иван», and for «(Иванов) «Иван»»: a word is its letters, not a quote or a bracket. */
const initials = (name: string) =>
  (name.match(/\p{L}+/gu) ?? [])
    .slice(0, 2)
    .map((word) => word.charAt(0))
    .join('');

/**
 * Who is rated: «Расскажите моему руководителю, как я работаю!» with the employee's name and
 * position, or «Оцените качество доставки» for a subject, once the server has told its title.
 */
export function RatedHeader({
  texts,
  employee,
  rated,
}: {
  texts: RatingTexts;
  employee: boolean;
  rated: Rated | null;
}) {
  const person = rated && 'name' in rated ? rated : null;
  const title = employee ? texts.employeeTitle : rated && 'title' in rated ? texts.subjectTitle(rated.title) : '';
  return (
    <div class="head">
      {title && <h2 id="title">{title}</h2>}
      {person && (
        <p class="who">
          <span class="avatar" aria-hidden="true">
            {initials(person.name)}
          </span>
          <span lang={textLang(person.name)}>
            <strong>{person.name}</strong>
            {[person.position, person.department].filter(Boolean).join(', ')}
          </span>
        </p>
      )}
    </div>
  );
}
