/**
 * Every English text the widget shows: the feedback form (seed 004) and field errors. One module a
 * language, so a widget downloads only the language it speaks.
 */
import type { LangTexts } from './texts-ru.ts';

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
    accepted: 'Your message has been received!',
    thanks: 'Thank you!',
    numberLabel: 'Registration number',
    promise: 'The quality management service will process it within 3 working days.',
    networkError: 'Could not send: no connection to the server. Your text is kept — please try again.',
    retry: 'Try again',
    another: 'Write another',
    open: 'Leave feedback',
    close: 'Close',
  },
  /** Messages of field errors, keyed by the code a schema reports. */
  fieldErrors: {
    required: 'Please fill in this field',
    tooLong: 'The text is too long',
    kind: 'Choose thanks, complaint or suggestion',
    email: 'Please check the e-mail address',
    phone: 'Please check the phone number',
    inn: 'Please check the INN: 10 or 12 digits with a valid checksum',
    consent: 'Consent to the processing of personal data is required',
    invalid: 'Invalid value',
    filesCount: 'At most 5 files can be attached',
    fileType: 'This file type is not accepted: images, PDF, Office documents and text are',
    fileSize: 'The file is too large',
    score: 'Choose a score from 1 to 5',
    employee: 'The employee was not found or no longer works for the company',
    subject: 'There is no such rating subject',
  },
};
