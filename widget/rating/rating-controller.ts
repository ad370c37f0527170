import { Component } from 'preact';
import type { RatingAnswer } from '../../shared/api-answers.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { MIN_FILL_MS } from '../../shared/limits.ts';
import { type Rating, ratingSchema } from '../../shared/rating-schema.ts';
import { validate } from '../../shared/rules.ts';
import { emptyRatingDraft, FIELD_ORDER, type RatingDraft, type RatingField, ratingDraftFromForm } from './draft.ts';
import { loadRated, type Rated } from './rating-api.ts';
import { postSubmission } from '../shared/post-submission.ts';
import { newIdempotencyKey } from '../shared/idempotency-key.ts';
import { proofOfWork } from '../shared/proof-of-work.ts';
import { raterToken } from './rater-token.ts';
import type { RatingSettings } from './settings.ts';

/** Shown messages by field. */
export type Errors = Partial<Record<RatingField, string>>;

export interface RatingProps {
  settings: RatingSettings;
  /** What was typed or chosen before the widget came (the hosted page's form), if anything. */
  initial?: RatingDraft;
  /** The hosted page's idempotency key, if it had one. */
  initialKey?: string;
  /**
   * The widget took over the server's own rating page (/r/:slug): once sent, the address becomes
   * the thank-you page's, as after the page's plain POST, so a reload shows the thanks and not the
   * form again. On a company's site the widget leaves the address alone.
   */
  hosted?: boolean;
}

export interface RatingState {
  /** Who is rated, once the server said; null while asking, or when it didn't answer. */
  rated: Rated | null;
  /** The employee left, or the subject doesn't exist: nothing to rate. */
  gone: boolean;
  /** The chosen score, '' before: the stars' fill and caption follow it; the radios hold it. */
  score: string;
  errors: Errors;
  /** A message above the button; `retry` when nothing answered. */
  notice: { text: string; retry?: boolean } | null;
  sending: boolean;
  accepted: RatingAnswer | null;
  /** The text of the polite live region. */
  announcement: string;
}

/**
 * What one rating widget does: asks who is rated, checks the draft with the shared schema, sends
 * it and keeps the answer. RatingWidget (rating-widget.tsx) draws it. As in the feedback form the
 * fields are uncontrolled and hold the draft; a class component, not preact/hooks (0.8 KB brotli).
 */
export abstract class RatingController extends Component<RatingProps, RatingState> {
  /** The fields' first values: what the hosted page's form held, else the `score` its star link chose. */
  initial: RatingDraft = {
    ...emptyRatingDraft(),
    ...this.props.initial,
    score: this.props.initial?.score || this.props.settings.score,
  };
  override state: RatingState = {
    rated: null,
    gone: false,
    score: this.initial.score,
    errors: {},
    notice: null,
    sending: false,
    accepted: null,
    announcement: '',
  };
  /** The form, once drawn (a ref callback: createRef cost each widget 25 B brotli of Preact's chunk). */
  form: HTMLFormElement | null = null;
  /** One per draft: kept across retries, so a retried send counts once. */
  key = this.props.initialKey ?? '';
  busy = false;
  dirty = new Set<string>();
  /** Solved from the first input on; at once when a signature's star link already chose the score. */
  pow = proofOfWork(this.props.settings.base, MIN_FILL_MS.rating);

  override async componentDidMount() {
    const { base, lang, subject, employee } = this.props.settings;
    if (this.initial.score) this.pow();
    const result = await loadRated(base, lang, subject, employee);
    if (result.ok) this.setState({ rated: result.rated });
    else if (result.gone) this.setState({ gone: true });
  }

  texts() {
    return RATING_TEXTS[this.props.settings.lang];
  }

  /** A live region speaks only when its text changes: the same message twice must still be heard. */
  announce(text: string) {
    this.setState(({ announcement }) => ({ announcement: announcement === text ? `${text}\u00a0` : text }));
  }

  /** The draft as the server will take it, or each wrong field's message: the shared schema, the server's own rules. */
  check(draft: RatingDraft): { rating?: Rating; errors: Errors } {
    const { subject, employee } = this.props.settings;
    const result = validate(ratingSchema, { ...draft, subject, employee });
    if (result.success) return { rating: result.data, errors: {} };
    const messages: Record<string, string> = this.texts().fieldErrors;
    const errors: Errors = {};
    for (const field of FIELD_ORDER) {
      const code = result.errors[field];
      if (code) errors[field] = messages[code] ?? code;
    }
    return { errors };
  }

  /** Rechecks a field; unless `always`, only a field that already shows an error. */
  recheck(field: string, always: boolean) {
    if (!(FIELD_ORDER as readonly string[]).includes(field)) return;
    const message = this.check(ratingDraftFromForm(this.form)).errors[field as RatingField];
    this.setState(({ errors }) =>
      always || errors[field as RatingField] ? { errors: { ...errors, [field]: message } } : null,
    );
  }

  /** A field changed: its error goes as soon as it is fixed; a chosen star is a finished answer. */
  changed = (field: string, value: string) => {
    this.pow();
    this.dirty.add(field);
    if (field === 'score') this.setState({ score: value });
    this.recheck(field, field === 'score');
  };

  /** Validates a field when the client leaves it, unless he never typed in it. */
  left = (field: string) => this.recheck(field, this.dirty.has(field));

  /** Checks and sends the draft; resolves to the field that should get the focus (the first wrong one), if any. */
  async send(): Promise<string | undefined> {
    if (this.busy) return; // a double click while the first send is on its way
    const { base, lang, channel } = this.props.settings;
    const texts = this.texts();
    const { rating, errors } = this.check(ratingDraftFromForm(this.form));
    if (!rating) {
      this.setState({ errors });
      return first(errors);
    }
    this.busy = true;
    this.key ||= newIdempotencyKey();
    this.setState({ sending: true, notice: null });
    this.announce(texts.sending);
    const result = await postSubmission<RatingAnswer>(
      `${base}api/v1/ratings`,
      lang,
      this.key,
      { ...rating, channel, raterToken: raterToken() },
      this.pow,
    );
    this.busy = false;
    this.setState({ sending: false });
    if (result.ok) {
      this.key = '';
      // The server's own page: its paths are the server's (as its form's action and links are).
      if (this.props.hosted)
        history.replaceState(null, '', `/r/thanks/${result.accepted.id}${lang === 'en' ? '?lang=en' : ''}`);
      this.setState({ accepted: result.accepted });
      this.announce(`${texts.thanks} ${texts.numberLabel}: ${result.accepted.number}`);
      return;
    }
    if ('network' in result) {
      this.setState({ notice: { text: texts.networkError, retry: true } });
      this.announce(texts.networkError);
      return;
    }
    // The employee left (or the subject went) after the page was opened.
    if (result.fields.employee || result.fields.subject) {
      this.setState({ gone: true });
      return;
    }
    const fields: Errors = {};
    const other: string[] = [];
    for (const [name, text] of Object.entries(result.fields)) {
      if ((FIELD_ORDER as readonly string[]).includes(name)) fields[name as RatingField] = text;
      else other.push(text);
    }
    const text = [result.message, ...other].filter(Boolean).join(' ');
    this.setState({ errors: fields, notice: text ? { text } : null });
    const bad = first(fields);
    // A notice alone takes the focus, which reads it out: said by the live region too, it was heard twice.
    if (bad) this.announce(text || Object.values(fields).join(' '));
    return bad ?? 'notice';
  }
}

const first = (errors: Errors) => FIELD_ORDER.find((field) => errors[field]);
