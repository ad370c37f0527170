import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { onError } from './on-error.ts';

describe('an unforeseen error', () => {
  it('answers 500 «internal», speaking of a message on the public API and of an action in the console', async () => {
    const app = new Hono();
    app.onError(onError);
    app.all('*', () => {
      throw new Error('boom');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const message = async (path: string, lang = 'ru') => {
      const res = await app.request(path, { headers: { 'Accept-Language': lang } });
      expect(res.status).toBe(500);
      const { error } = await res.json();
      expect(error.code).toBe('internal');
      return error.message as string;
    };
    expect(await message('/api/v1/feedback')).toMatch(/^Не удалось сохранить обращение/);
    expect(await message('/api/admin/reports/weekly')).toMatch(/^Ошибка сервера: действие не выполнено/);
    expect(await message('/api/admin/reports/weekly', 'en')).toMatch(/^A server error: nothing was done/);
    quiet.mockRestore();
  });

  it('speaks on an error page the language its address names, as the page itself does; an API answer goes by Accept-Language', async () => {
    const app = new Hono();
    app.onError(onError);
    app.all('*', () => {
      throw new ApiError(413, 'too_large');
    });
    const res = (path: string) =>
      app.request(path, { method: 'POST', headers: { accept: 'text/html', 'accept-language': 'ru' } });
    const english = await (await res('/survey/abc?lang=en')).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('The request is too large');
    expect(await (await res('/survey/abc')).text()).toContain('Запрос слишком большой');
    const api = await res('/api/v1/ratings?lang=en');
    expect((await api.json()).error.message).toBe('Запрос слишком большой');
  });
});
