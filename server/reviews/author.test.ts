import { describe, expect, it } from 'vitest';
import { reviewAuthor } from './author.ts';

const ru = (name: string | null, organization: string | null = null) => reviewAuthor('ru', name, organization);

describe('reviewAuthor', () => {
  it("shows a first name and the last name's initial", () => {
    expect(ru('Анна')).toBe('Анна');
    expect(ru('Анна Петрова')).toBe('Анна П.');
    expect(ru('  анна   петрова ')).toBe('Анна П.');
    expect(ru('Анна Петрова-Водкина')).toBe('Анна П.');
  });

  it('takes a name without the quotes, brackets and marks around its words', () => {
    expect(ru('Ольга «Ромашка»')).toBe('Ольга Р.');
    expect(ru('«Ольга» (Смирнова)')).toBe('Ольга С.');
    expect(ru('Ольга - Смирнова')).toBe('Ольга С.');
    expect(ru('"Ольга"')).toBe('Ольга');
    expect(ru('— ?')).toBe('Клиент');
    // Markup is no part of a name: no initials made of a tag's letters.
    expect(ru('Анна <i>К</i>')).toBe('Анна К.');
    expect(ru('Клиент <script>')).toBe('Клиент');
    expect(ru('<b>Ольга</b> Смирнова')).toBe('Ольга С.');
  });

  it('reads three words as Ф.И.О.: surname, first name, patronymic', () => {
    expect(ru('Петрова Анна Сергеевна')).toBe('Анна П.');
    // The patronymic second: first name, patronymic, surname; never «Васильевна И.».
    expect(ru('Ирина Васильевна Котова')).toBe('Ирина К.');
    expect(ru('Пётр Ильич Чайковский')).toBe('Пётр Ч.');
    expect(ru('Эльдар Рауф оглы Алиев')).toBe('Эльдар А.');
    expect(ru('Мамедов Эльчин Рауф оглы')).toBe('Эльчин М.');
    expect(ru('Петрова Анна С.')).toBe('Анна П.');
    expect(ru('Петрова А. С.')).toBe('А. П.');
  });

  it('never shows a surname in full when the name is written with initials', () => {
    expect(ru('Петрова А.С.')).toBe('А. П.');
    expect(ru('А.С. Петрова')).toBe('А. П.');
    expect(ru('А. Петрова')).toBe('А. П.');
    expect(ru('Анна П.')).toBe('Анна П.'); // the way the «Имя» field invites
    expect(ru('А.С.')).toBe('Клиент');
  });

  it('says «Клиент» without a name, and adds the organisation when given', () => {
    expect(ru(null)).toBe('Клиент');
    expect(ru('   ')).toBe('Клиент');
    expect(ru('Анна', 'ООО «Ромашка»')).toBe('Анна, ООО «Ромашка»');
    expect(ru('Анна Петрова', ' ООО  «Ромашка» ')).toBe('Анна П., ООО «Ромашка»');
    expect(ru(null, 'ООО «Ромашка»')).toBe('Клиент, ООО «Ромашка»');
    expect(reviewAuthor('en', null, null)).toBe('Client');
    expect(reviewAuthor('en', 'Anna Petrova', 'Romashka LLC')).toBe('Anna P., Romashka LLC');
  });

  it('never shows an e-mail address or a phone number typed as a name or organisation', () => {
    expect(ru('anna@example.ru')).toBe('Клиент');
    expect(ru('Анна anna@example.ru')).toBe('Анна');
    expect(ru('Анна +79001234567')).toBe('Анна');
    expect(ru('Анна', 'anna@romashka.ru')).toBe('Анна');
  });
});
