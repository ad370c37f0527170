/**
 * Every English text the widget shows: the feedback form (seed 004) and field errors. One module a
 * language, so a widget downloads only the language it speaks.
 */
import { COMMENT_MAX } from './limits.ts';
import type { AckTexts, LangTexts, RU_RATING_ERRORS, RU_SERVER_ERRORS } from './texts-ru.ts';

export const EN: LangTexts = {
  form: {
    title: 'Tell us about our work',
    kinds: { thanks: 'Thanks', complaint: 'Complaint', suggestion: 'Suggestion' },
    kindLegend: 'Kind of message',
    message: 'Your message',
    name: 'Full name',
    organization: 'Organisation',
    inn: 'INN (taxpayer number)',
    phone: 'Phone',
    email: 'E-mail',
    files: 'Files',
    filesHint: (mb: number) => `Up to 5 files, up to ${mb} MB each: images, PDF, documents, text`,
    noFile: 'No file chosen',
    chooseFiles: 'Choose files',
    kb: 'KB',
    mb: 'MB',
    removeFile: 'Remove file',
    consentBefore: 'I accept the ',
    consentPrivacy: 'personal data agreement',
    consentAnd: ' and the ',
    consentTerms: 'terms of use',
    submit: 'Send',
    sending: 'Sending…',
    numberLabel: 'Registration number',
    networkError: 'Could not send: the server is unavailable. Your text is kept — please try again.',
    retry: 'Try again',
    another: 'Send another message',
    toSite: 'Go to',
    close: 'Close',
  },
  /** Messages of field errors, keyed by the code a schema reports. */
  fieldErrors: {
    required: 'Please fill in this field',
    tooLong: 'The text is too long',
    messageTooLong: 'At most 5000 characters: shorten the text or attach it as a file',
    kind: 'Choose thanks, complaint or suggestion',
    email: 'Please check the e-mail address',
    phone: 'Please check the phone number',
    inn: 'Please check the INN: 10 or 12 digits with a valid checksum',
    consent: 'Consent to the processing of personal data is required',
    filesCount: 'At most 5 files can be attached',
    fileType: 'Files of this type are not accepted (images, PDF, Office documents and text are)',
    fileSize: 'Too large',
  },
};

/** The rating's own field errors in English; see RU_RATING_ERRORS. */
export const EN_RATING_ERRORS: typeof RU_RATING_ERRORS = {
  score: 'Choose a score from 1 to 5',
  employee: 'The employee was not found or no longer works for the company',
  subject: 'There is no such rating subject',
  commentTooLong: `At most ${COMMENT_MAX} characters: please shorten the comment`,
};

/** What only the server checks, in English; see RU_SERVER_ERRORS. */
export const EN_SERVER_ERRORS: typeof RU_SERVER_ERRORS = {
  control: 'Remove control characters',
  invalid: 'Invalid value',
  fileEmpty: 'Empty file (choose one with content)',
};

/** The acknowledgements by kind in English; see RU_ACK. */
export const EN_ACK: AckTexts = {
  complaint: {
    title: 'Your message has been received!',
    thanks: 'Thank you!',
    next: 'The quality management service will process it within 3 working days.',
    mail: (company: string, number: string) =>
      `Thank you for your message. It has been registered under No. ${number} and passed to the quality management service of ${company}. The answer will be prepared and given to you within three working days, not counting the day the message was received.`,
    due: (date: string) => ` The answer is due by ${date}.`,
  },
  thanks: {
    title: 'Thank you for your kind words!',
    thanks: 'We are glad you took the time to write.',
    next: 'We will pass them on to the people you wrote about and to their managers.',
    mail: (company: string, number: string) =>
      `Thank you for your kind words! Your message No. ${number} has been registered by the quality management service of ${company}. We will pass it on to the people you wrote about and to their managers.`,
    due: (_date: string) => '',
  },
  suggestion: {
    title: 'Thank you for your suggestion!',
    thanks: 'Your suggestion has been registered.',
    next: 'The quality management service will consider it within 3 working days.',
    mail: (company: string, number: string) =>
      `Thank you for your suggestion! Your suggestion No. ${number} has been registered and passed to the quality management service of ${company}. It will be considered within three working days, not counting the day it was received.`,
    due: (date: string) => ` Consideration is due by ${date}.`,
  },
};
