import { describe, expect, it } from 'vitest';
import { clientEcho, ECHO_MAX } from './client-echo.ts';

describe('what an acknowledgement repeats of the client', () => {
  it('hides every address, URL and domain, so nothing in it is a link', () => {
    const spam = [
      'Выиграйте приз: https://cheap-pills.example/buy?x=1 или http://t.co/abc,',
      'www.casino.example, casino.example.com/bonus, пример.рф, xn--e1afmkfd.xn--p1ai, 203.0.113.7:8080/a',
      'и пишите на winner@prize.example или «Иван.Петров@почта.рф».',
    ].join(' ');
    const echo = clientEcho(spam, 'ru');
    expect(echo).toBe(
      'Выиграйте приз: [ссылка скрыта] или [ссылка скрыта] [ссылка скрыта] [ссылка скрыта] [ссылка скрыта], [ссылка скрыта], [ссылка скрыта] и пишите на [адрес скрыт] или «[адрес скрыт]».',
    );
    expect(clientEcho('mail me: a@b.co, see example.org', 'en')).toBe('mail me: [address hidden], see [link hidden]');
  });

  it('hides them however they are disguised: fullwidth or ideographic dots, invisible characters', () => {
    expect(clientEcho('Заходите: evil．com, evil。com, evil｡com, evil\u200b.com, ｗｗｗ.x.ru', 'ru')).toBe(
      'Заходите: [ссылка скрыта], [ссылка скрыта], [ссылка скрыта], [ссылка скрыта], [ссылка скрыта]',
    );
    expect(clientEcho('пишите a\u200b@b.ru или ａ＠ｂ．ｒｕ', 'ru')).toBe('пишите [адрес скрыт] или [адрес скрыт]');
  });

  it('hides only the link, not the words after it: a quote or an angle bracket ends it', () => {
    expect(clientEcho('<a href="http://phish.example">click</a> end', 'en')).toBe(
      '<a href="[link hidden]">click</a> end',
    );
    expect(clientEcho('сайт «www.shop.example» и <203.0.113.7/a>', 'ru')).toBe(
      'сайт «[ссылка скрыта]» и <[ссылка скрыта]>',
    );
  });

  it('keeps ordinary text: abbreviations, numbers, times and sentences', () => {
    const text = 'Т.е. версия 3.5 не работает с 9.00 до 18.00, т.д. Спасибо! Ждали 2,5 ч.';
    expect(clientEcho(text, 'ru')).toBe(text);
    // As written, not folded: «№» stays «№», «½» and «™» stay, beside a link that is hidden.
    expect(clientEcho('Заказ №45-112, ½ оплаты, Ромашка™ — см. evil．com', 'ru')).toBe(
      'Заказ №45-112, ½ оплаты, Ромашка™ — см. [ссылка скрыта]',
    );
  });

  it(`cuts a long message to ${ECHO_MAX} characters, never halving an emoji`, () => {
    const echo = clientEcho(`${'😀'.repeat(ECHO_MAX - 1)}😀😀 хвост`, 'ru');
    expect(Array.from(echo)).toHaveLength(ECHO_MAX + 1);
    expect(echo.endsWith('😀…')).toBe(true);
    expect(clientEcho('Коротко.', 'ru')).toBe('Коротко.');
  });
});
