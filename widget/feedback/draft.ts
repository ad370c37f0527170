/**
 * What a form's fields hold, unchecked: the widget's own form, or the hosted page's plain one.
 * shared/feedback-schema.ts says what is wrong with it. A type, not an interface: as a record of
 * fields it goes to the schema's check as it is, with no copy.
 */
export type Draft = {
  /** One of FEEDBACK_KINDS once checked; '' when none is chosen. */
  kind: string;
  message: string;
  name: string;
  organization: string;
  inn: string;
  phone: string;
  email: string;
  consent: boolean;
};

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
export function draftFromForm(form?: HTMLFormElement | null): Draft {
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
