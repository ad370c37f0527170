import { useState } from 'preact/hooks';
import type { Card, CardComplaint, Nonconformity } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { FormError } from '../../ui/fields.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { MISSING } from './complaint-labels.ts';
import { NonconformityForm } from './nonconformity-form.tsx';
import { useCardPost } from './use-card-post.ts';

const day = (d: string | null) => (d ? d.split('-').reverse().join('.') : '—');

/**
 * Stage 2 «улучшение»: the seed's «Список несоответствий по жалобе», each with its corrective
 * task, who does it and by when; a task is marked done; the stage closes when all are.
 */
export function ComplaintStage2({ card, canAct, onCard }: { card: Card; canAct: boolean; onCard: (c: Card) => void }) {
  const c = card.complaint as CardComplaint;
  const [adding, setAdding] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const act = useCardPost(card, onCard);
  const open = canAct && !c.stage2ClosedAt;
  const rows = c.nonconformities;

  const markDone = async (n: Nonconformity, i: number) => {
    setBusyId(n.id);
    await act.post(`nonconformities/${encodeURIComponent(n.id)}`, { done: true }, `Задача ${i + 1} выполнена`);
    setBusyId(null);
  };
  // Closed, the stage takes no more nonconformities: a click by mistake is asked about first.
  const closeStage = () => {
    // A task still open: the server says what is missing, nothing to confirm.
    if (rows.some((n) => !n.doneAt)) return void act.post('stage2/close', {}, 'Этап 2 закрыт');
    // The add form open: its entry is not saved, and closing would drop it.
    const question = adding
      ? 'Несоответствие в открытой форме не добавлено. Закрыть этап 2 без него? После закрытия добавить его будет нельзя.'
      : rows.length === 0
        ? 'Закрыть этап 2 без несоответствий? После закрытия добавить их будет нельзя.'
        : 'Закрыть этап 2? После закрытия добавить несоответствия будет нельзя.';
    if (confirm(question)) void act.post('stage2/close', {}, 'Этап 2 закрыт');
  };
  const closeAdding = () => {
    setAdding(false);
    focusSoon('#nc-add');
  };

  return (
    <section
      class="panel"
      aria-labelledby="complaint-stage2"
      ref={(el) => {
        act.ref.current = el;
      }}
    >
      <h2 id="complaint-stage2">Разбор жалобы: этап 2 «улучшение»</h2>
      {c.stage2ClosedAt && <p class="ok-note">Закрыт {formatDateTime(c.stage2ClosedAt)}</p>}
      {act.error ? (
        <FormError message={act.error} />
      ) : (
        act.fields.nonconformities && <FormError message={`Этап 2 не закрыть: ${MISSING.nonconformities}.`} />
      )}
      {rows.length === 0 ? (
        <p class="muted">Несоответствий не записано.</p>
      ) : (
        <div class="table-scroll">
          <table class="table compact nc-table">
            <caption class="sr">Список несоответствий по жалобе</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">Подразделение</th>
                <th scope="col">Процесс</th>
                <th scope="col">Продукт</th>
                <th scope="col">Несоответствие</th>
                <th scope="col">Корректирующая задача</th>
                <th scope="col">Исполнитель</th>
                <th scope="col">Срок</th>
                <th scope="col">Выполнено</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n, i) => (
                <tr key={n.id}>
                  <td data-label="№">{i + 1}</td>
                  <td data-label="Подразделение">{n.department?.name ?? '—'}</td>
                  <td data-label="Процесс">{n.process}</td>
                  <td data-label="Продукт">{n.product}</td>
                  <td data-label="Несоответствие">{n.description}</td>
                  <td data-label="Корректирующая задача">{n.task}</td>
                  <td data-label="Исполнитель">{n.assignee}</td>
                  <td data-label="Срок" class="nowrap">
                    {day(n.dueDay)}
                  </td>
                  <td data-label="Выполнено">
                    {n.doneAt ? (
                      <span class="nowrap">✓ {formatDate(n.doneAt)}</span>
                    ) : open ? (
                      <button
                        type="button"
                        class="btn secondary small"
                        disabled={busyId !== null}
                        onClick={() => void markDone(n, i)}
                      >
                        {busyId === n.id ? (
                          'Сохраняем…'
                        ) : (
                          <>
                            Отметить<span class="sr"> задачу {i + 1}</span> выполненной
                          </>
                        )}
                      </button>
                    ) : (
                      <span class="muted">нет</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && adding && <NonconformityForm card={card} onCard={onCard} onClose={closeAdding} />}
      {open && (
        <div class="actions">
          {!adding && (
            <button type="button" id="nc-add" class="btn secondary" onClick={() => setAdding(true)}>
              Добавить несоответствие
            </button>
          )}
          <button type="button" class="btn" disabled={act.busy} onClick={closeStage}>
            Закрыть этап 2
          </button>
        </div>
      )}
    </section>
  );
}
