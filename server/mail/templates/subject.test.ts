import { describe, expect, it } from 'vitest';
import { headerValue, safeSubject } from './subject.ts';

describe('a subject made of what a client wrote', () => {
  it('stays one line: no control character starts a header', () => {
    expect(safeSubject('Жалоба № 1 — ООО\r\nBcc: victim@example.ru')).toBe('Жалоба № 1 — ООО Bcc: victim@example.ru');
  });

  it('has no invisible characters: a name cannot turn the rest of a subject around', () => {
    expect(safeSubject('Благодарность № 2026-00012 — \u202eвонавИ')).toBe('Благодарность № 2026-00012 — вонавИ');
    expect(safeSubject('Жалоба — Ива\u200bнов\u2066')).toBe('Жалоба — Иванов');
    expect(headerValue(' anna\u200b@example.ru\r\n')).toBe('anna@example.ru');
  });

  it('is cut past 200 characters', () => {
    const subject = safeSubject('я'.repeat(300));
    expect(subject).toHaveLength(200);
    expect(subject.endsWith('…')).toBe(true);
  });
});
