import { asFailure } from '../../api/client.ts';
import type { Card } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { type Action, useAction } from '../../ui/use-action.ts';
import { focusSoon, focusStaysIn, placesOfFocus } from '../../ui/focus.ts';

export interface CardPost extends Action {
  /** The error to show above the form: the general one, or a field's the form has no place for. */
  message: string | null;
  /**
   * POSTs to `submissions/:id/<path>`; on success puts the card it answers in place, says `done`
   * and moves the focus to `focusAfter`'s element, or else to the nearest section still there.
   */
  post: (path: string, body: unknown, done: string, focusAfter?: FocusAfter) => Promise<Card | undefined>;
}

/** Where the focus goes once an action is done: the element it changed (a step's row, its new control). */
export type FocusAfter = () => HTMLElement | null;

/**
 * A complaint action of the card: every one answers the whole updated card, which replaces the
 * one on screen. `fields` names the form's own fields; any other field error goes to `message`.
 * @example const act = useCardPost(card, onCard, ['comment']); act.post('steps/1.1', { comment }, 'Шаг 1.1 выполнен')
 */
export function useCardPost(card: Card, onCard: (card: Card) => void, fields: string[] = []): CardPost {
  const { api, announce } = useConsole();
  const action = useAction();
  const stray = Object.entries(action.fields)
    .filter(([k]) => !fields.includes(k))
    .map(([, text]) => text);

  const post = async (path: string, body: unknown, done: string, focusAfter?: FocusAfter) => {
    const section = placesOfFocus();
    const at = `submissions/${encodeURIComponent(card.id)}`;
    const saved = await action.run(async () => {
      try {
        return await api.send<Card>('POST', `${at}/${path}`, body);
      } catch (err) {
        // Someone changed the complaint meanwhile (a step marked in another tab): the card is
        // shown as it is now, under the message, not left offering what can no longer be done.
        if (asFailure(err).status === 409) void api.get<Card>(at).then(onCard, () => undefined);
        throw err;
      }
    });
    if (!saved) return undefined;
    onCard(saved);
    announce(done);
    if (focusAfter) focusSoon(focusAfter);
    else focusStaysIn(section);
    return saved;
  };

  return { ...action, message: action.error ?? (stray.length > 0 ? stray.join('. ') : null), post };
}
