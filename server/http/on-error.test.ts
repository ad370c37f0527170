import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
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
});
