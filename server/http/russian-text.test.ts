import { describe, expect, it } from 'vitest';
import { russianText } from './russian-text.ts';

describe('Russian directory and user text on a page', () => {
  it('is marked lang="ru" on an English page when mostly Cyrillic, escaped; left alone otherwise', () => {
    expect(String(russianText('en', 'Иванов Иван, менеджер'))).toBe('<span lang="ru">Иванов Иван, менеджер</span>');
    expect(String(russianText('en', 'ООО «Ромашка & Ко»'))).toBe('<span lang="ru">ООО «Ромашка &amp; Ко»</span>');
    expect(russianText('en', 'Anna K., ООО Example Trading')).toBe('Anna K., ООО Example Trading');
    expect(russianText('en', 'John S.')).toBe('John S.');
    expect(russianText('ru', 'Иванов Иван')).toBe('Иванов Иван');
  });
});
