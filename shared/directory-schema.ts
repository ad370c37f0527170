import { SLUG } from './rating-schema.ts';
import { isEmail, type Rule, text } from './rules.ts';
import { withoutBidiControls } from './text-rules.ts';

// One definition of what a department, an employee and a rating subject may hold, used by the
// console's forms (instant checks), the console API, the CLI and the CSV import of employees.

/** Lengths of the directory's texts. */
export const DIRECTORY_LIMITS = { name: 200, email: 254, slug: 64, recipients: 50 } as const;

const lowerEmail = (s: string) => (isEmail(s) ? s.toLowerCase() : null);
/** An address of the directory, lower-cased: addresses are compared without case. */
const optionalEmail = text({ max: DIRECTORY_LIMITS.email, code: 'email', clean: lowerEmail });
const requiredEmail = text({ max: DIRECTORY_LIMITS.email, required: true, code: 'email', clean: lowerEmail });
/**
 * Names, positions and titles without bidi controls, whichever way they come (the console, the CSV
 * import, the CLI): they go into rating e-mails, signatures and pages, where one reverses the line.
 */
const bidiFree = (s: string) => withoutBidiControls(s).trim() || null;
const name = text({ max: DIRECTORY_LIMITS.name, required: true, clean: bidiFree });
const optionalText = text({ max: DIRECTORY_LIMITS.name, clean: bidiFree });

/**
 * The address of a rating page, `/r/:slug`: lower-case Latin letters, digits and dashes.
 * @example slug('anna-petrova') // { value: 'anna-petrova' }
 */
export const slug = text({
  max: DIRECTORY_LIMITS.slug,
  required: true,
  code: 'invalid',
  clean: (s) => (SLUG.test(s) ? s : null),
});

/** A rating subject's slug: `employee` is the rating API's word for «an employee», so no subject takes it. */
const subjectSlug = text({
  max: DIRECTORY_LIMITS.slug,
  required: true,
  code: 'invalid',
  clean: (s) => (SLUG.test(s) && s !== 'employee' ? s : null),
});

/** Absent leaves a field as it is; `null` (or a blank text) clears an optional one. */
export const clearable =
  <T>(rule: Rule<T>): Rule<T | null | undefined> =>
  (v) =>
    v === undefined
      ? { value: undefined }
      : v === null || (typeof v === 'string' && v.trim() === '')
        ? { value: null }
        : rule(v);

/** A required field in a change: absent leaves it as it is, but it can't be cleared. */
const kept =
  <T>(rule: Rule<T>): Rule<T | undefined> =>
  (v) =>
    v === undefined ? { value: undefined } : rule(v);

/** A yes/no switch from JSON; absent leaves it. */
export const bool: Rule<boolean | undefined> = (v) =>
  v === undefined ? { value: undefined } : typeof v === 'boolean' ? { value: v } : { error: 'invalid' };

/** A yes/no switch from a CSV cell or a command line: 1/0, да/нет, yes/no, true/false. */
const yesNo: Rule<boolean | undefined> = (v) => {
  const r = text({ max: 5, code: 'invalid', clean: (s) => (/^(1|0|да|нет|yes|no|true|false)$/i.test(s) ? s : null) })(
    v,
  );
  if ('error' in r) return r;
  return { value: r.value === undefined ? undefined : /^(1|да|yes|true)$/i.test(r.value) };
};

/**
 * Addresses as a JSON array or a text separated by commas, semicolons or spaces; each an
 * e-mail address, lower-cased, without repeats.
 * @example recipients('a@x.ru, A@x.ru; b@x.ru') // { value: ['a@x.ru', 'b@x.ru'] }
 */
export const recipients: Rule<string[] | undefined> = (v) => {
  if (v === undefined) return { value: undefined };
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\s]+/) : null;
  if (!list) return { error: 'email' };
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') return { error: 'email' };
    if (item.trim() === '') continue;
    const r = requiredEmail(item);
    if ('error' in r) return { error: 'email' };
    out.push(r.value);
  }
  return out.length > DIRECTORY_LIMITS.recipients ? { error: 'invalid' } : { value: [...new Set(out)] };
};

/**
 * A department's name as people mean it: «СКЛАД», «склад» and «Склад » are one department, in the
 * console's form and on the server (SQL's lower() knows no Cyrillic in SQLite).
 * @example departmentKey(' Отдел  продаж ') === departmentKey('отдел продаж') // true
 */
export const departmentKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');

/** A new department. */
export const departmentCreate = {
  name,
  responsibleName: optionalText,
  responsibleEmail: optionalEmail,
  responsibleUserId: text({ max: DIRECTORY_LIMITS.slug }),
};

/** A change of a department: absent fields stay, `null` clears the responsible person. */
export const departmentPatch = {
  name: kept(name),
  responsibleName: clearable(optionalText),
  responsibleEmail: clearable(optionalEmail),
  responsibleUserId: clearable(text({ max: DIRECTORY_LIMITS.slug })),
};

/** A new employee, as the console sends him: his department by id. */
export const employeeCreate = {
  slug,
  name,
  position: optionalText,
  departmentId: text({ max: DIRECTORY_LIMITS.slug }),
  managerEmail: requiredEmail,
  managerName: optionalText,
  email: optionalEmail,
  active: bool,
};

/** A change of an employee (his slug, the address of his rating page, never changes). */
export const employeePatch = {
  name: kept(name),
  position: clearable(optionalText),
  departmentId: clearable(text({ max: DIRECTORY_LIMITS.slug })),
  managerEmail: kept(requiredEmail),
  managerName: clearable(optionalText),
  email: clearable(optionalEmail),
  active: bool,
};

/** An employee as HR's CSV file and the CLI give him: his department by name, «да»/«нет» for active. */
export const employeeRecord = {
  slug,
  name,
  position: optionalText,
  department: optionalText,
  managerEmail: requiredEmail,
  managerName: optionalText,
  email: optionalEmail,
  active: yesNo,
};

/** A new rating subject such as delivery; `titleEn` is its title on English pages. */
export const subjectCreate = { slug: subjectSlug, title: name, titleEn: optionalText, recipients };

/** A change of a rating subject. */
export const subjectPatch = { title: kept(name), titleEn: clearable(optionalText), recipients, active: bool };
