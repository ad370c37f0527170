/**
 * What the rating form's fields hold, unchecked: the widget's own form, or the hosted page's plain
 * one (/r/:slug). shared/rating-schema.ts says what is wrong with it.
 */
export interface RatingDraft {
  /** '1'…'5' once chosen, '' before. */
  score: string;
  comment: string;
  publish: boolean;
  name: string;
  organization: string;
  email: string;
}

export type RatingField = keyof RatingDraft;

/** Fields in the order they appear, so the first invalid one gets the focus. */
export const FIELD_ORDER: readonly RatingField[] = ['score', 'comment', 'publish', 'name', 'organization', 'email'];

export const emptyRatingDraft = (): RatingDraft => ({
  score: '',
  comment: '',
  publish: false,
  name: '',
  organization: '',
  email: '',
});

/**
 * Reads a form's fields: the widget's own, and the hosted page's plain form (the element's light
 * DOM) where the signature's star link already chose the score.
 * @example ratingDraftFromForm(host.querySelector('form')) // { ...emptyRatingDraft(), score: '4' }
 */
export function ratingDraftFromForm(form: HTMLFormElement | null): RatingDraft {
  const draft = emptyRatingDraft();
  if (!form) return draft;
  const data = new FormData(form);
  for (const field of FIELD_ORDER) {
    const value = data.get(field);
    if (field === 'publish') draft.publish = value !== null;
    else if (typeof value === 'string') draft[field] = value;
  }
  return draft;
}

/**
 * The hosted page's idempotency key, if its form has one: a client who posted that form once
 * already must not count twice when the widget sends the same draft.
 * @example keyFromForm(host.querySelector('form')) // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function keyFromForm(form: HTMLFormElement | null): string {
  const key = form && new FormData(form).get('idempotencyKey');
  return typeof key === 'string' ? key.trim() : '';
}
