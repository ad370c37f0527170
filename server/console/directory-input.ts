import { SLUG } from '../../shared/rating-schema.ts';
import { email, type Rule, text } from '../../shared/rules.ts';

/** Absent leaves a field as it is; `null` (or a blank text) clears an optional one. */
export const clearable =
  <T>(rule: Rule<T>): Rule<T | null | undefined> =>
  (v) =>
    v === undefined
      ? { value: undefined }
      : v === null || (typeof v === 'string' && v.trim() === '')
        ? { value: null }
        : rule(v);

/** A yes/no switch from JSON; absent leaves it. */
export const bool: Rule<boolean | undefined> = (v) =>
  v === undefined ? { value: undefined } : typeof v === 'boolean' ? { value: v } : { error: 'invalid' };

/** An e-mail address, lower-cased as the CSV import stores them. */
const lowerEmail = (s: string) => (email(254)(s) as { value?: string }).value?.toLowerCase() ?? null;
const optionalEmail = text({ max: 254, code: 'email', clean: lowerEmail });
const requiredEmail = text({ max: 254, required: true, code: 'email', clean: lowerEmail });

const slug = text({ max: 64, required: true, code: 'invalid', clean: (s) => (SLUG.test(s) ? s : null) });

/** Recipients as a JSON array or a comma-separated text; each must be an e-mail address. */
const recipients: Rule<string[] | undefined> = (v) => {
  if (v === undefined) return { value: undefined };
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\s]+/) : null;
  if (!list) return { error: 'email' };
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') return { error: 'email' };
    if (item.trim() === '') continue;
    const r = email(254)(item);
    if ('error' in r || r.value === undefined) return { error: 'email' };
    out.push(r.value.toLowerCase());
  }
  return out.length > 50 ? { error: 'invalid' } : { value: [...new Set(out)] };
};

export const departmentCreate = {
  name: text({ max: 200, required: true }),
  responsibleName: text({ max: 200 }),
  responsibleEmail: optionalEmail,
};

export const departmentPatch = {
  name: (v: unknown) => (v === undefined ? { value: undefined } : text({ max: 200, required: true })(v)),
  responsibleName: clearable(text({ max: 200 })),
  responsibleEmail: clearable(optionalEmail),
} satisfies Record<string, Rule<unknown>>;

export const employeeCreate = {
  slug,
  name: text({ max: 200, required: true }),
  position: text({ max: 200 }),
  departmentId: text({ max: 64 }),
  managerEmail: requiredEmail,
  managerName: text({ max: 200 }),
  active: bool,
};

export const employeePatch = {
  name: (v: unknown) => (v === undefined ? { value: undefined } : text({ max: 200, required: true })(v)),
  position: clearable(text({ max: 200 })),
  departmentId: clearable(text({ max: 64 })),
  managerEmail: (v: unknown) => (v === undefined ? { value: undefined } : requiredEmail(v)),
  managerName: clearable(text({ max: 200 })),
  active: bool,
} satisfies Record<string, Rule<unknown>>;

export const subjectCreate = {
  slug,
  title: text({ max: 200, required: true }),
  recipients,
};

export const subjectPatch = {
  title: (v: unknown) => (v === undefined ? { value: undefined } : text({ max: 200, required: true })(v)),
  recipients,
  active: bool,
} satisfies Record<string, Rule<unknown>>;
