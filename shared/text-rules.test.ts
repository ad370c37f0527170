import { describe, expect, it } from 'vitest';
import { departmentCreate, employeeCreate, subjectCreate } from './directory-schema.ts';
import { feedbackSchema } from './feedback-schema.ts';
import { ratingSchema } from './rating-schema.ts';
import { calendarDaySchema } from './calendar-schema.ts';
import { type Schema, validate } from './rules.ts';
import { hasControls, withoutBidiControls } from './text-rules.ts';

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];

describe('hasControls', () => {
  it('finds NUL, the other C0 controls and DEL, in any field', () => {
    for (const c of CONTROLS) {
      expect(hasControls(`a${c}b`), JSON.stringify(c)).toBe(true);
      expect(hasControls(`a${c}b`, true), JSON.stringify(c)).toBe(true);
    }
  });

  it('finds the noncharacters U+FFFE and U+FFFF in any field: an XLSX holding one did not open', () => {
    for (const c of ['\ufffe', '\uffff']) {
      expect(hasControls(`Склад${c}`), JSON.stringify(c)).toBe(true);
      expect(hasControls(`Склад${c}`, true), JSON.stringify(c)).toBe(true);
    }
    expect(hasControls('Склад \ufffd', true)).toBe(false);
  });

  it('finds C1 controls and the Unicode line separators in a one-line field, where a mail program may break a line', () => {
    for (const c of ['\u0080', '\u0085', '\u009f', '\u2028', '\u2029']) {
      expect(hasControls(`Иван${c}E-mail: boss@company.example`), JSON.stringify(c)).toBe(true);
      // A message is lines of text: pasted ones keep theirs.
      expect(hasControls(`a${c}b`, true), JSON.stringify(c)).toBe(false);
    }
    expect(hasControls('Ёлкина\u00a0Анна · «Ромашка»')).toBe(false);
  });

  it('takes tab and line breaks in a multi-line field only', () => {
    for (const c of ['\t', '\n', '\r']) {
      expect(hasControls(`a${c}b`)).toBe(true);
      expect(hasControls(`a${c}b`, true)).toBe(false);
    }
  });

  it('finds a lone half of a surrogate pair, not a whole pair', () => {
    expect(hasControls('x\ud800')).toBe(true);
    expect(hasControls('\udc00x', true)).toBe(true);
    expect(hasControls('Спасибо 😀 «ёлочки» — é')).toBe(false);
  });
});

/** Every text field of the shared schemas, with a value it takes. */
const FIELDS: Array<[string, Schema, string, string]> = [
  ['feedback', feedbackSchema, 'message', 'Спасибо'],
  ['feedback', feedbackSchema, 'name', 'Анна'],
  ['feedback', feedbackSchema, 'organization', 'ООО'],
  ['feedback', feedbackSchema, 'inn', '6165456519'],
  ['feedback', feedbackSchema, 'phone', '+79515113523'],
  ['feedback', feedbackSchema, 'email', 'a@b.ru'],
  ['feedback', feedbackSchema, 'page', 'https://example.ru/'],
  ['feedback', feedbackSchema, 'idempotencyKey', 'key-1'],
  ['rating', ratingSchema, 'comment', 'Хорошо'],
  ['rating', ratingSchema, 'name', 'Анна'],
  ['rating', ratingSchema, 'email', 'a@b.ru'],
  ['rating', ratingSchema, 'employee', 'ivanov'],
  ['department', departmentCreate, 'name', 'Отдел'],
  ['department', departmentCreate, 'responsibleName', 'Анна'],
  ['employee', employeeCreate, 'name', 'Анна'],
  ['employee', employeeCreate, 'position', 'Инженер'],
  ['employee', employeeCreate, 'managerEmail', 'boss@b.ru'],
  ['subject', subjectCreate, 'title', 'Доставка'],
  ['calendar', calendarDaySchema, 'note', 'Перенос'],
];

describe('every text field of the shared schemas', () => {
  it.each(FIELDS)('%s.%s refuses NUL as «control» and takes its plain value', (_, schema, field, good) => {
    const bad = validate(schema, { [field]: `${good.slice(0, 1)}\u0000${good.slice(1)}` });
    expect(!bad.success && bad.errors[field]).toBe('control');
    const ok = validate(schema, { [field]: good });
    expect(ok.success ? undefined : ok.errors[field]).toBeUndefined();
  });

  it('refuses `a\\0@b.ru` rather than sending to a@b.ru', () => {
    const r = validate(feedbackSchema, { email: 'a\u0000@b.ru' });
    expect(!r.success && r.errors.email).toBe('control');
  });

  it('keeps line breaks in a message and a comment, refuses them in a name', () => {
    const message = validate(feedbackSchema, { message: 'Строка 1\r\n\tСтрока 2' });
    expect(message.success ? undefined : message.errors.message).toBeUndefined();
    const comment = validate(ratingSchema, { comment: 'Строка 1\nСтрока 2' });
    expect(comment.success ? undefined : comment.errors.comment).toBeUndefined();
    const name = validate(feedbackSchema, { name: 'Анна\nПетрова' });
    expect(!name.success && name.errors.name).toBe('control');
  });
});

describe('withoutBidiControls', () => {
  it('takes out embeddings, overrides, isolates and direction marks, nothing else', () => {
    expect(withoutBidiControls('Bob \u202eevil\u202c \u2067Иван\u2069 \u200f7\u200e\u061c')).toBe('Bob evil Иван 7');
    expect(withoutBidiControls('Ёлка — «ёж»\u00a0№ 5')).toBe('Ёлка — «ёж»\u00a0№ 5');
  });
});
