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
    const message = async (path: string, lang = 'ru', method = 'POST') => {
      const res = await app.request(path, { method, headers: { 'Accept-Language': lang } });
      expect(res.status).toBe(500);
      const { error } = await res.json();
      expect(error.code).toBe('internal');
      return error.message as string;
    };
    expect(await message('/api/v1/feedback')).toMatch(/^Не удалось сохранить обращение/);
    expect(await message('/api/admin/reports/weekly')).toMatch(/^Ошибка сервера: действие не выполнено/);
    expect(await message('/api/admin/reports/weekly', 'en')).toMatch(/^A server error: nothing was done/);
    // A read saved nothing and did nothing: it says the data was not loaded.
    expect(await message('/api/v1/reviews', 'ru', 'GET')).toMatch(/^Не удалось загрузить данные/);
    expect(await message('/api/admin/inbox', 'en', 'GET')).toMatch(/^The data could not be loaded/);
    quiet.mockRestore();
  });

  it('answers 503 with Retry-After when PostgreSQL cannot be reached, not 500', async () => {
    const app = new Hono();
    app.onError(onError);
    // What pg says of a database dropped under a running server, and of a pool that lost its server.
    const errors = [
      Object.assign(new Error('database "otklik" does not exist'), { code: '3D000' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      // A database closed to connections (ALLOW_CONNECTIONS false), on a server speaking Russian.
      Object.assign(new Error('база "otklik" не принимает подключения в данный момент'), {
        code: '55000',
        routine: 'CheckMyDatabase',
      }),
      // A server that takes the connection and never answers (a firewall dropping it): pg's client gives up.
      new Error('timeout expired'),
    ];
    let next = 0;
    app.all('*', () => {
      throw errors[next++]!;
    });
    const said: string[] = [];
    for (const [method, path] of [
      ['POST', '/api/v1/feedback'],
      ['GET', '/api/v1/reviews'],
      ['POST', '/api/admin/login'],
      ['POST', '/api/v1/ratings'],
      ['POST', '/api/v1/feedback'],
    ] as const) {
      const res = await app.request(path, { method, headers: { 'Accept-Language': 'ru' } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      const { error } = await res.json();
      expect(error.code).toBe('busy');
      said.push(error.message.split('.')[0]);
    }
    // A client's message «not saved yet», a read «not loaded», a console action «not done».
    expect(said).toEqual([
      'Сервер занят, обращение пока не сохранено',
      'Не удалось загрузить данные из-за ошибки сервера',
      'Ошибка сервера: действие не выполнено',
      'Сервер занят, обращение пока не сохранено',
      'Сервер занят, обращение пока не сохранено',
    ]);
  });

  it('answers 503 with a short Retry-After when PostgreSQL ended the transaction in a deadlock or a serialization failure', async () => {
    const app = new Hono();
    app.onError(onError);
    const errors = [
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
      Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }),
    ];
    let next = 0;
    app.all('*', () => {
      throw errors[next++]!;
    });
    for (const path of ['/api/admin/submissions/x/steps/1.1', '/api/v1/feedback']) {
      const res = await app.request(path, { method: 'POST' });
      expect([res.status, res.headers.get('retry-after'), (await res.json()).error.code]).toEqual([503, '1', 'busy']);
    }
  });

  it('answers another state of the 55000 class as the bug it is, 500', async () => {
    const app = new Hono();
    app.onError(onError);
    app.all('*', () => {
      throw Object.assign(new Error('cannot fetch from a closed cursor'), { code: '55000', routine: 'PortalRun' });
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await app.request('/api/v1/feedback', { method: 'POST' })).status).toBe(500);
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
