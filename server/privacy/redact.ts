// What of a submission's history and audit lines is the client's personal data: the words
// exchanged with him or about him. Everything else — which step, when, which classification code,
// who on the staff — is the anonymous record the reports (issue 11) are built from, and stays.

type Data = Record<string, unknown>;

/** Classification fields written as free text, which may describe the client. */
const FREE_TEXT_FIELDS = new Set(['contactPosition', 'correctionNote']);

const blankComment = (v: unknown) =>
  v && typeof v === 'object' && 'comment' in v ? { ...(v as Data), comment: '' } : v;

/**
 * A history event's (or audit line's) data with the client's personal data blanked, by the
 * event's type (`reply`, `call`, …); the shape stays, so the console still shows what happened.
 * @example redactEventData('reply', { to: 'a@b.ru', subject: '№ 2026-00001', text: 'Иван, …' }) // { to: '', subject: '№ 2026-00001', text: '' }
 */
export function redactEventData(type: string, data: Data): Data {
  switch (type) {
    case 'comment':
    case 'redact':
      return { ...data, text: '' };
    case 'reply':
      return { ...data, to: '', text: '' };
    case 'call':
      return { ...data, summary: '' };
    case 'step':
      return { ...data, comment: data.comment == null ? null : '' };
    // Why a step's mark was taken back or the complaint opened again: often what the client said.
    case 'step_undone':
    case 'reopened':
      return { ...data, reason: '' };
    // Why a review was rejected or taken down: often the name or phone it held.
    case 'moderation':
      return data.reason == null ? data : { ...data, reason: '' };
    // Stage 2's nonconformity as found on the client's case; its process, product and dates stay.
    case 'nonconformity':
      return data.description == null ? data : { ...data, description: '' };
    case 'rating':
      return { ...data, from: blankComment(data.from), to: blankComment(data.to) };
    case 'classification':
      return FREE_TEXT_FIELDS.has(String(data.field)) ? { ...data, from: null, to: null } : data;
    default:
      return data;
  }
}

/** The event types whose data `redactEventData` changes. */
export const PERSONAL_EVENT_TYPES = [
  'comment',
  'reply',
  'call',
  'step',
  'step_undone',
  'reopened',
  'moderation',
  'nonconformity',
  'rating',
  'classification',
];

/** The moderation's audit actions, whose details are shaped like its `moderation` event. */
const MODERATION_ACTIONS = ['review.reject', 'review.unpublish'];

/** Audit actions about a submission whose details copy an event's personal data: `complaint.reply`, `review.redact`… */
export const PERSONAL_AUDIT_ACTIONS = [
  ...PERSONAL_EVENT_TYPES.map((t) => `complaint.${t}`),
  'review.redact',
  ...MODERATION_ACTIONS,
];

/** The event type an audit action's details are shaped like: `complaint.reply` → `reply`, `review.reject` → `moderation`. */
export const auditEventType = (action: string) =>
  MODERATION_ACTIONS.includes(action) ? 'moderation' : action.slice(action.indexOf('.') + 1);
