import type { Harness } from '../../console/testing/harness.ts';
import { newId } from '../../ids.ts';
import { PDF_BYTES } from '../../../test/support/test-app.ts';

/** What a client of the tests writes: each of these must be gone from an erased submission. */
export const CLIENT = {
  name: 'Лоськова Галина',
  organization: 'ООО «Ромашка»',
  inn: '6165456519',
  phone: '+79515113523',
  email: 'galina@example.ru',
};

/**
 * A complaint from the client through the public form with a file, replied to, classified and
 * given a nonconformity about her case through the console; `close` closes it at the clock's time as closing.ts does (status, the
 * complaint's `closed_at`, the history's status event).
 */
export async function clientComplaint(h: Harness, message: string) {
  const form = new FormData();
  const fields = { kind: 'complaint', message, consent: 'on', ...CLIENT, phone: '8 951 511-35-23' };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('files', new File([PDF_BYTES], 'акт Лоськовой.pdf', { type: 'application/pdf' }));
  const res = await h.app.request('/api/v1/feedback', {
    method: 'POST',
    body: form,
    headers: { 'user-agent': 'Test browser', 'x-forwarded-for': '203.0.113.7' },
  });
  if (res.status !== 201) throw new Error(`feedback: ${res.status} ${await res.text()}`);
  const { id, number } = (await res.json()) as { id: string; number: string };
  const qms = await h.as('qms');
  const reply = await qms.request(`/api/admin/submissions/${id}/replies`, {
    method: 'POST',
    json: { text: 'Галина, мы исправили загрузку.' },
  });
  if (reply.status !== 200) throw new Error(`reply: ${reply.status} ${await reply.text()}`);
  // Stage 2's nonconformity, written about her case.
  const found = await qms.request(`/api/admin/submissions/${id}/nonconformities`, {
    method: 'POST',
    json: {
      process: 'Внедрение',
      product: 'Программа',
      description: 'У Лоськовой на объекте программа не обновлена',
      task: 'Позвонить Галине после обновления',
      assignee: 'Отдел внедрения',
    },
  });
  if (found.status !== 200) throw new Error(`nonconformity: ${found.status} ${await found.text()}`);
  await h.db
    .updateTable('complaints')
    .set({ justification: 'justified', satisfied: 1, loyal: 1, contact_position: 'главный бухгалтер' })
    .where('submission_id', '=', id)
    .execute();
  return {
    id,
    number,
    close: async () => {
      const at = h.clock.now().toISOString();
      await h.db.updateTable('complaints').set({ closed_at: at }).where('submission_id', '=', id).execute();
      await h.db.updateTable('submissions').set({ status: 'closed' }).where('id', '=', id).execute();
      await h.db
        .insertInto('submission_events')
        .values({
          id: newId(),
          submission_id: id,
          at,
          user_id: null,
          type: 'status',
          data: '{"from":"new","to":"closed"}',
        })
        .execute();
    },
  };
}
