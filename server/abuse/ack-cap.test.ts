import { describe, expect, it } from 'vitest';
import { mailboxOf } from './ack-cap.ts';

describe('the mailbox an acknowledgement goes to', () => {
  it('is one whatever the case, the +tag, Gmail’s dots and Yandex’s domains', () => {
    expect(mailboxOf('Victim+7@Example.ru')).toBe('victim@example.ru');
    expect(mailboxOf('ivan.petrov+shop@googlemail.com')).toBe('ivanpetrov@gmail.com');
    expect(mailboxOf('I.Van.Petrov@gmail.com')).toBe('ivanpetrov@gmail.com');
    expect(mailboxOf('ivan.petrov+1@ya.ru')).toBe('ivan-petrov@yandex.ru');
    expect(mailboxOf('ivan-petrov@yandex.com')).toBe('ivan-petrov@yandex.ru');
    for (const spelling of [
      'victim@пример.рф',
      'victim@xn--e1afmkfd.xn--p1ai',
      'victim@ПРИМЕР.xn--p1ai',
      'victim@xn--e1afmkfd.рф',
    ])
      expect(mailboxOf(spelling), spelling).toBe('victim@xn--e1afmkfd.xn--p1ai');
  });

  it('keeps apart what other servers keep apart', () => {
    expect(mailboxOf('ivan.petrov@example.ru')).not.toBe(mailboxOf('ivanpetrov@example.ru'));
    expect(mailboxOf('+tag@example.ru')).toBe('+tag@example.ru');
  });
});
