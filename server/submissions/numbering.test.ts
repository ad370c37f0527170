import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

describe.each(DB_KINDS)('registration numbers on %s', (kind) => {
  // Several instances share PostgreSQL only; SQLite is one process with one connection.
  it(`stay unique and gap-free when ${kind === 'postgres' ? 'two instances take' : 'one instance takes'} many messages at once`, async () => {
    t = await buildTestApp(kind);
    const apps = kind === 'postgres' ? [t.app, t.another()] : [t.app, t.app];
    const body = JSON.stringify({ kind: 'thanks', message: 'Спасибо!', consent: true });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        Promise.resolve(
          apps[i % 2]!.request('/api/v1/feedback', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }),
        ).then((r) => r.json()),
      ),
    );
    const numbers = answers.map((a) => a.number).sort();
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `2026-${String(i + 1).padStart(5, '0')}`));
  });
});
