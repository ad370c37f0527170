/** The Otklik server the widgets' tests mount against; fetch stubs see their requests under it. */
export const BASE = 'https://feedback.test/';

/**
 * A JSON response as the server sends it, for a fetch stub to answer with.
 * @example json(404, { error: { code: 'not_found', message: 'Не найдено' } })
 */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
