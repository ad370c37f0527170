import { Component } from 'preact';
import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import { FORM_ERRORS, FORM_TEXTS } from '../../shared/i18n.ts';
import { MIN_FILL_MS } from '../../shared/limits.ts';

import { type Draft, type DraftField, draftFromForm, emptyDraft, FIELD_ORDER } from './draft.ts';
import { newIdempotencyKey } from '../shared/idempotency-key.ts';
import { postSubmission } from '../shared/post-submission.ts';
import { proofOfWork } from '../shared/proof-of-work.ts';
import type { Settings } from './settings.ts';
import { addFiles, validateDraft } from './validate.ts';

/** Shown messages by field; `files` is the picker's. */
export type Errors = Partial<Record<DraftField | 'files', string>>;

export interface Notice {
  text: string;
  /** No answer from the server: offer to send again. */
  retry?: boolean;
}

export interface FeedbackProps {
  settings: Settings;
  /** What was typed before the widget came (an empty draft when nothing was). */
  initial: Draft;
  /** What was chosen before the widget came: checked as if picked in the widget. */
  files: File[];
}

export interface FeedbackState {
  files: File[];
  errors: Errors;
  notice: Notice | null;
  sending: boolean;
  accepted: FeedbackAnswer | null;
  /** The text of the polite live region. */
  announcement: string;
}

/**
 * What one feedback widget does: checks the draft, sends it and keeps the server's answer.
 * FeedbackWidget (feedback-widget.tsx) draws it. The draft is what the form's fields hold (they
 * are uncontrolled, so autofill, a language switch or a closed dialog lose nothing); the state
 * keeps only what the fields can't: the chosen files, errors, sending and the answer.
 * A class component rather than preact/hooks: hooks would cost 0.8 KB brotli of the form's
 * 12 KB budget, for this one stateful piece.
 */
export abstract class FeedbackController extends Component<FeedbackProps, FeedbackState> {
  override state: FeedbackState = {
    files: [],
    errors: {},
    notice: null,
    sending: false,
    accepted: null,
    announcement: '',
  };
  /**
   * The form, once drawn (a ref callback: createRef cost each widget 25 B brotli of Preact's chunk).
   * Fields only declared here and below cost no bytes: unset, they are undefined.
   */
  declare form?: HTMLFormElement | null;
  /** The fields' first values; blank again after a success. */
  initial = this.props.initial;
  // Several picks can come before a re-render, so each one reads and writes this; the state only re-renders.
  files: File[] = [];
  key = '';
  declare busy?: boolean;
  dirty = new Set<string>();
  /** Solved from the first input on, while the client writes: sending never waits for a puzzle. */
  pow = proofOfWork(this.props.settings.base, MIN_FILL_MS.feedback);

  override componentDidMount() {
    this.pickFiles(this.props.files);
  }

  texts() {
    return FORM_TEXTS[this.props.settings.lang];
  }

  /** The form's messages by code; a rating's codes never come up here. */
  messages(): Record<string, string> {
    return FORM_ERRORS[this.props.settings.lang];
  }

  /** A live region speaks only when its text changes: the same message twice must still be heard. */
  announce(text: string) {
    this.setState(({ announcement }) => ({ announcement: announcement === text ? `${text}\u00a0` : text }));
  }

  /** Rechecks a field; unless `always`, only a field that already shows an error. */
  check(field: string, always: boolean) {
    if (!(field in this.initial)) return; // the draft's fields only: not the file picker, not a button
    const code = validateDraft(draftFromForm(this.form))[field];
    this.setState(({ errors }) =>
      always || errors[field as DraftField] ? { errors: { ...errors, [field]: code && this.messages()[code] } } : null,
    );
  }

  setFiles(files: File[], error?: string) {
    // biome-ignore lint/suspicious/noAssignInExpressions: the widget's bytes are counted; this is the shortest form
    this.setState(({ errors }) => ({ files: (this.files = files), errors: { ...errors, files: error } }));
  }

  /** A field changed: its error goes as soon as it is fixed; a click on a kind or the consent is a finished answer. */
  changed = (field: string) => {
    this.pow();
    this.dirty.add(field);
    this.check(field, field === 'kind' || field === 'consent');
  };

  /** Validates a field when the client leaves it, unless he never typed in it. */
  left = (field: string) => this.check(field, this.dirty.has(field));

  /**
   * Takes what can be sent and says why each refused file was refused: «Слишком большой размер:
   * big.pdf», under the picker and aloud (the picker keeps the focus, so its error is not read).
   */
  pickFiles = (picked: File[]) => {
    const { files, refused } = addFiles(this.files, picked, this.props.settings.maxFileMb);
    const why = Object.entries(refused)
      .map(([code, names]) => `${this.messages()[code]}: ${names.join(', ')}`)
      .join('; ');
    this.setFiles(files, why || undefined);
    this.announce(why);
  };

  removeFile = (index: number) => this.setFiles(this.files.filter((_, i) => i !== index));

  /** Checks and sends the draft; resolves to the field that should get the focus (the first wrong one), if any. */
  async send(): Promise<string | undefined> {
    if (this.busy) return; // a double click while the first send is on its way
    const { base, lang } = this.props.settings;
    const texts = this.texts();
    const messages = this.messages();
    const draft = draftFromForm(this.form);
    const codes = validateDraft(draft);
    const found: Errors = {};
    for (const field of FIELD_ORDER) {
      const code = codes[field];
      if (code) found[field] = messages[code];
    }
    const wrong = first(found);
    if (wrong) {
      this.setState(({ errors }) => ({ errors: { ...found, files: errors.files } }));
      return wrong;
    }
    this.busy = true;
    this.key ||= newIdempotencyKey();
    this.setState({ sending: true, notice: null });
    this.announce(texts.sending);
    const result = await postSubmission<FeedbackAnswer>(
      `${base}api/v1/feedback`,
      lang,
      this.key,
      { ...draft, consent: true },
      this.pow,
      this.files,
      messages.fileSize,
    );
    this.busy = false;
    this.setState({ sending: false });
    if (result.ok) {
      this.key = '';
      this.initial = emptyDraft();
      this.setState({ accepted: result.accepted });
      this.announce(`${result.accepted.confirmation.title} ${texts.numberLabel}: ${result.accepted.number}`);
      return;
    }
    if ('network' in result) {
      this.setState({ notice: { text: texts.networkError, retry: true } });
      this.announce(texts.networkError);
      return;
    }
    const fields: Errors = {};
    const other: string[] = [];
    for (const [name, text] of Object.entries(result.fields)) {
      const field = name.startsWith('files') ? 'files' : name;
      if ((FIELD_ORDER as string[]).includes(field)) fields[field as DraftField] = text;
      else other.push(text);
    }
    const text = [result.message, ...other].filter(Boolean).join(' ');
    this.setState({ errors: fields, notice: text ? { text } : null });
    const bad = first(fields);
    // A notice alone takes the focus, which reads it out: said by the live region too, it was heard twice.
    if (bad) this.announce(text || Object.values(fields).join(' '));
    return bad ?? 'notice';
  }

  /** After a success: a blank form with a new idempotency key, the focus on its first field (else it fell to the page's body). */
  reset = () => {
    // biome-ignore lint/suspicious/noAssignInExpressions: the widget's bytes are counted; this is the shortest form
    this.setState({ files: (this.files = []), errors: {}, notice: null, accepted: null }, () =>
      this.form?.querySelector('input')?.focus(),
    );
    this.dirty.clear();
  };
}

const first = (errors: Errors) => FIELD_ORDER.find((field) => errors[field]);
