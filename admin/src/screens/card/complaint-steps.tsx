import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { CLOSE_TARGET_WORKING_DAYS, STEP_TERMS, STEP_TITLES, type Step } from '../../../../shared/complaint-process.ts';
import type { Card, CardComplaint, StepState } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { focusSoon } from '../../ui/focus.ts';
import { stepState } from './complaint-format.ts';
import { AgreedDateForm, StepDoneForm, StepUndoForm } from './complaint-step-forms.tsx';

const STATE_ICONS = { done: '✓', late: '✓', open: '◷', soon: '◷', overdue: '!', none: '–' } as const;

/**
 * Stage 1 «коррекция», steps 1.1–1.6: the seed's term, the deadline and where each step stands
 * in words; an open step can be marked done, step 1.4 gets the date agreed with the client.
 */
export function ComplaintSteps({ card, canAct, onCard }: { card: Card; canAct: boolean; onCard: (c: Card) => void }) {
  const c = card.complaint as CardComplaint;
  const [marking, setMarking] = useState<string | null>(null);
  // The moment the card is looked at: only to tell «overdue» when no working time is left (see stepState).
  const now = Date.now();
  const done = (step: string) => c.steps.some((s) => s.step === step && s.doneAt);
  // Cancelled (its button or Esc): back to the button that opened the form. Done: the form's
  // answer puts the focus on the changed step (stepFocus), not on its stage's heading.
  const close = (step: string, form: 'mark' | 'undo', done: boolean) => {
    if (!done) focusSoon(`#step-${form}-${step.replace('.', '-')}`);
    setMarking(null);
  };
  // A mark is taken back while stage 1 is open, the later step's first (1.5 checks what 1.4 put in place).
  const undoable = (s: StepState) => s.doneAt && !c.stage1ClosedAt && !(s.step === '1.4' && done('1.5'));
  const step14 = c.steps.find((s) => s.step === '1.4');

  // The form open under a step's row, if any: its mark, or the mark taken back.
  const formOf = (step: Step): 'mark' | 'undo' | null =>
    marking === step ? 'mark' : marking === `undo ${step}` ? 'undo' : null;
  // Either form of a step, closing by its kind; done, the focus goes to the other's control. Called,
  // not mounted as a component of its own: one made anew each render would lose what is typed.
  const stepForm = (step: Step, form: 'mark' | 'undo') => {
    const Form = form === 'mark' ? StepDoneForm : StepUndoForm;
    return (
      <Form
        card={card}
        step={step}
        onCard={onCard}
        onClose={(done) => close(step, form, done)}
        focusAfter={stepFocus(step, form === 'mark' ? 'undo' : 'mark')}
      />
    );
  };
  return (
    <section class="panel" aria-labelledby="complaint-stage1">
      <h3 id="complaint-stage1">Этап 1 «коррекция»</h3>
      <table class="table compact steps-table">
        <caption class="sr">Шаги этапа 1 со сроками</caption>
        <thead>
          <tr>
            <th scope="col">Шаг</th>
            <th scope="col">Срок</th>
            <th scope="col">Состояние</th>
          </tr>
        </thead>
        <tbody>
          {c.steps.map((s) => [
            <StepRow
              key={s.step}
              step={s}
              state={stepState(s, now, c.workingDayMinutes, c.stage1ClosedAt)}
              targetAt={s.step === '1.6' ? c.targetAt : null}
              targetMissed={s.step === '1.6' && Date.parse(c.targetAt) <= (s.doneAt ? Date.parse(s.doneAt) : now)}
              action={
                canAct &&
                (undoable(s) ? (
                  <button
                    type="button"
                    id={`step-undo-${s.step.replace('.', '-')}`}
                    class="link-button small"
                    aria-expanded={marking === `undo ${s.step}`}
                    onClick={() => setMarking(marking === `undo ${s.step}` ? null : `undo ${s.step}`)}
                  >
                    Отменить отметку<span class="sr"> шага {s.step}</span>
                  </button>
                ) : (
                  !s.doneAt &&
                  !(s.step === '1.5' && !done('1.4')) && (
                    <button
                      type="button"
                      id={`step-mark-${s.step.replace('.', '-')}`}
                      class="btn secondary small"
                      aria-expanded={marking === s.step}
                      onClick={() => setMarking(marking === s.step ? null : s.step)}
                    >
                      Отметить выполненным<span class="sr"> шаг {s.step}</span>
                    </button>
                  )
                ))
              }
            />,
            formOf(s.step) && (
              <tr key={`${s.step}-${formOf(s.step)}`} class="edit-row">
                <td colSpan={3}>{stepForm(s.step, formOf(s.step)!)}</td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
      {canAct && step14 && !step14.doneAt && (
        <AgreedDateForm
          key={step14.dueAt ?? ''}
          card={card}
          step={step14}
          onCard={onCard}
          focusAfter={stepFocus('1.4')}
        />
      )}
    </section>
  );
}

/**
 * Where the focus goes once a step changed: its new control (its «Отменить отметку» after a mark,
 * its «Отметить» after a mark undone), else its row, which reads out its deadline and state.
 */
const stepFocus = (step: string, control?: 'mark' | 'undo') => () => {
  const id = step.replace('.', '-');
  return (control && document.getElementById(`step-${control}-${id}`)) || document.getElementById(`step-${id}`);
};

function StepRow({
  step: s,
  state,
  targetAt,
  targetMissed,
  action,
}: {
  step: StepState;
  state: ReturnType<typeof stepState>;
  targetAt: string | null;
  /** The 5-day target passed before the step was done, or with it still open: said, not only coloured. */
  targetMissed: boolean;
  action: ComponentChildren;
}) {
  return (
    <tr id={`step-${s.step.replace('.', '-')}`} tabIndex={-1} class={`step-${state.tone}`}>
      <td data-label="Шаг">
        <span class="strong">
          {s.step} {STEP_TITLES[s.step]}
        </span>
        <span class="sub muted">{STEP_TERMS[s.step]}</span>
        {s.comment && <span class="sub message">{s.comment}</span>}
      </td>
      <td data-label="Срок" class="nowrap">
        <span>{s.dueAt ? <time dateTime={s.dueAt}>{formatDateTime(s.dueAt)}</time> : '—'}</span>
        {targetAt && (
          <span class="sub muted">
            цель — {CLOSE_TARGET_WORKING_DAYS} рабочих дней: до {formatDateTime(targetAt)}
            {targetMissed && <strong class="target-missed"> — не достигнута</strong>}
          </span>
        )}
      </td>
      <td data-label="Состояние">
        <span class={`step-state ${state.tone}`}>
          <span aria-hidden="true">{STATE_ICONS[state.tone]} </span>
          {state.text}
        </span>
        {action && <div class="step-action">{action}</div>}
      </td>
    </tr>
  );
}
