import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { acceptedLang, pageLang } from './lang.ts';

describe('the language of an answer', () => {
  it('follows the weights of Accept-Language between Russian and English', () => {
    expect(acceptedLang('en-US,en;q=0.9')).toBe('en');
    expect(acceptedLang('ru;q=0.1, en;q=0.9')).toBe('en');
    expect(acceptedLang('de-DE, de;q=0.9, en;q=0.5')).toBe('en');
    expect(acceptedLang('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(acceptedLang('fr, ru;q=0.8, en;q=0.7')).toBe('ru');
  });

  it('speaks Russian when neither is asked for, on a tie, or when the header is nonsense', () => {
    for (const header of [undefined, '', '*', 'de', 'en;q=0, ru;q=0', 'en;q=0.5, ru;q=0.5', 'en;q=abc', ';;,,'])
      expect(acceptedLang(header)).toBe('ru');
  });
});

describe('the language of a page', () => {
  const app = new Hono().get('/', (c) => c.text(pageLang(c)));
  const lang = async (query: string, accept?: string) =>
    (await app.request(`/${query}`, { headers: accept ? { 'Accept-Language': accept } : {} })).text();

  it("takes the link's ?lang=ru or ?lang=en over the browser's, and the browser's for a language it doesn't speak", async () => {
    expect(await lang('?lang=ru', 'en')).toBe('ru');
    expect(await lang('?lang=EN', 'ru')).toBe('en');
    expect(await lang('?lang=en-GB')).toBe('en');
    expect(await lang('?lang=en_US', 'ru')).toBe('en');
    for (const query of ['?lang=de', '?lang=', '?lang=xx'])
      expect([query, await lang(query, 'en-US,en;q=0.9')]).toEqual([query, 'en']);
    expect(await lang('?lang=de', 'ru')).toBe('ru');
  });
});
