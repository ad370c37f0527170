import { LOW_SCORE } from '../../../../shared/complaint-process.ts';
import type { Card } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { canHandle } from '../../permissions.ts';
import { Link, navigate } from '../../router.tsx';
import { FormError } from '../../ui/fields.tsx';
import { useAction } from '../../ui/use-action.ts';

/** A low rating made into a complaint in one click, or the link to the complaint it became. */
export function RatingComplaint({ card }: { card: Card }) {
  const { api, user, announce } = useConsole();
  const make = useAction();
  const made = card.complaintFromRating;
  if (card.type !== 'rating') return null;
  // A complaint made of it stays linked, whatever score its client gave since.
  if (!made && !card.complaintElsewhere && (card.score === null || card.score > LOW_SCORE || !canHandle(user)))
    return null;

  const submit = async () => {
    const answer = await make.run(() =>
      api.send<{ id: string; number: string }>('POST', `submissions/${encodeURIComponent(card.id)}/complaint`),
    );
    if (!answer) return;
    announce(`Заведена жалоба № ${answer.number}`);
    navigate(`/admin/submissions/${encodeURIComponent(answer.id)}`);
  };

  return (
    <section
      class="panel"
      aria-labelledby="rating-complaint"
      ref={(el) => {
        make.ref.current = el;
      }}
    >
      <h2 id="rating-complaint">Жалоба</h2>
      {card.complaintElsewhere ? (
        <p class="muted">Жалоба по этой оценке зарегистрирована и передана другому подразделению.</p>
      ) : made ? (
        <p>
          <Link href={`/admin/submissions/${encodeURIComponent(made.id)}`}>Жалоба № {made.number}</Link>
          <span class="muted"> — разбор по этой оценке</span>
        </p>
      ) : (
        <>
          <p class="muted small">
            Жалобой считается любое выражение недовольства: оценка в {card.score} из 5 разбирается по процессу жалоб со
            сроками.
          </p>
          <FormError message={make.error ?? (Object.values(make.fields)[0] || null)} />
          <button type="button" class="btn" disabled={make.busy} onClick={() => void submit()}>
            {make.busy ? 'Заводим жалобу…' : 'Сделать жалобой'}
          </button>
        </>
      )}
    </section>
  );
}
