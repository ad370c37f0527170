import type { Card, CardComplaint, ConsoleUser } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import { canHandle } from '../../permissions.ts';
import { ComplaintClassification } from './complaint-classification.tsx';
import { ComplaintClosing } from './complaint-closing.tsx';
import { ComplaintContact } from './complaint-contact.tsx';
import { ComplaintFacts } from './complaint-facts.tsx';
import { ComplaintSteps } from './complaint-steps.tsx';
import { ComplaintSurvey } from './complaint-survey.tsx';

/** Whether the user may change the complaint: an editor or a handler, while it is open. */
export const canActOn = (user: ConsoleUser, card: Card) => canHandle(user) && !card.complaint?.closedAt;

/**
 * «Разбор жалобы» (seed 004, «Этапы работы с жалобами»): the responsible person, stage 1's steps
 * with their deadlines in working time, talking to the client, the classification, the survey
 * and closing. Stage 2's table is wide: ComplaintStage2 goes below the card's two columns.
 * Every action answers the whole card, which `onCard` puts in place. A viewer, or anyone on a
 * closed complaint, reads it all and changes nothing.
 */
export function ComplaintPanel({ card, onCard }: { card: Card; onCard: (card: Card) => void }) {
  const { user } = useConsole();
  const c = card.complaint as CardComplaint;
  const canAct = canActOn(user, card);
  const props = { card, canAct, onCard };
  return (
    <section class="complaint" aria-labelledby="complaint-title">
      <div class="panel">
        <h2 id="complaint-title">Разбор жалобы</h2>
        {c.closedAt && (
          <p class="note">
            Жалоба закрыта <time dateTime={c.closedAt}>{formatDateTime(c.closedAt)}</time>: разбор только для чтения.
            {canHandle(user) &&
              !card.consent.erasedAt &&
              ' Чтобы изменить его, откройте жалобу снова (внизу, в «Закрытии»).'}
          </p>
        )}
        <ComplaintFacts {...props} />
      </div>
      <ComplaintSteps {...props} />
      {canAct && <ComplaintContact card={card} onCard={onCard} />}
      <ComplaintClassification {...props} />
      <ComplaintSurvey {...props} />
      <ComplaintClosing {...props} />
    </section>
  );
}
