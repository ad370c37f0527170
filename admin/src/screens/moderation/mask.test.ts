import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask.ts';

describe('maskPersonalData', () => {
  it('hides e-mail addresses, Cyrillic ones too', () => {
    expect(maskPersonalData('Пишите ivan.petrov+smk@mail.example.com, отвечу')).toBe('Пишите [скрыто], отвечу');
    expect(maskPersonalData('почта клиент@пример.рф.')).toBe('почта [скрыто].');
  });

  it('hides phone numbers however they are written', () => {
    for (const phone of [
      '+7 (912) 345-67-89',
      '8 912 345 67 89',
      '89123456789',
      '+79123456789',
      '8-800-555-35-35',
      '+7(495)1234567',
    ]) {
      expect(maskPersonalData(`Мой номер ${phone} — звоните`)).toBe('Мой номер [скрыто] — звоните');
    }
  });

  it('leaves dates, times, amounts and short numbers alone', () => {
    const text = 'Заказ 12345 от 22.11.2026 14:05 на 1 500 руб., 5 звёзд из 5';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('keeps the text around the masked data as it was', () => {
    expect(maskPersonalData('Иван (ivan@example.ru, +7 912 345-67-89) помог!')).toBe(
      'Иван ([скрыто], [скрыто]) помог!',
    );
  });
});
