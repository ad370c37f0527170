/**
 * What a form's fields hold, unchecked: the widget's own form, or the hosted page's plain one.
 * shared/feedback-schema.ts says what is wrong with it.
 */
export interface Draft {
  /** One of FEEDBACK_KINDS once checked; '' when none is chosen. */
  kind: string;
  message: string;
  name: string;
  organization: string;
  inn: string;
  phone: string;
  email: string;
  consent: boolean;
}

export type DraftField = keyof Draft;

/** Fields in the order they appear, so the first invalid one gets the focus. */
export const FIELD_ORDER: ReadonlyArray<DraftField | 'files'> = [
  'kind',
  'message',
  'name',
  'organization',
  'inn',
  'phone',
  'email',
  'files',
  'consent',
];

export const emptyDraft = (): Draft => ({
  kind: '',
  message: '',
  name: '',
  organization: '',
  inn: '',
  phone: '',
  email: '',
  consent: false,
});

/**
 * Reads a form's fields: the widget's own, and the hosted page's plain form (the element's light
 * DOM) that the client may have typed into before the widget replaced it.
 * @example draftFromForm(host.querySelector('form')) // { ...emptyDraft(), message: 'Спасибо' }
 */
export function draftFromForm(form: HTMLFormElement | null): Draft {
  const draft = emptyDraft();
  if (!form) return draft;
  const data = new FormData(form);
  for (const field of Object.keys(draft) as DraftField[]) {
    const value = data.get(field);
    if (field === 'consent') draft.consent = value !== null;
    else if (typeof value === 'string') Object.assign(draft, { [field]: value });
  }
  return draft;
}

/**
 * A fresh idempotency key: one per draft, so a retried or double-clicked send counts once.
 * randomUUID exists only in secure contexts; a site on plain http still has getRandomValues.
 * @example newIdempotencyKey() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newIdempotencyKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
