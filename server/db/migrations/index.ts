import type { Migration } from 'kysely';
import * as feedback from './2026-11-22-feedback.ts';
import * as ratings from './2026-11-23-ratings.ts';
import * as console_ from './2026-11-24-console.ts';
import * as search from './2026-11-25-search.ts';
import * as complaints from './2026-12-03-complaints.ts';
import * as employeeEmail from './2026-12-04-employee-email.ts';
import * as ratingsMadeRight from './2026-12-04-ratings.ts';
import * as searchWords from './2026-12-04-search-words.ts';
import * as abuse from './2026-12-05-abuse.ts';
import * as messageId from './2026-12-05-message-id.ts';
import * as privacy from './2026-12-05-privacy.ts';
import * as idempotencyScope from './2026-12-05-idempotency-scope.ts';
import * as reportIndexes from './2026-12-10-report-indexes.ts';
import * as reportMonths from './2026-12-12-report-months.ts';
import * as searchAtCommit from './2026-12-13-search-at-commit.ts';
import * as reportMonthsOpen from './2026-12-14-report-months-open.ts';
import * as searchWordsGaps from './2026-12-15-search-words-gaps.ts';
import * as outboxBodies from './2026-12-16-outbox-bodies.ts';
import * as outboxViewColumns from './2026-12-17-outbox-view-columns.ts';
import * as closedComplaints from './2026-12-18-closed-complaints.ts';
import * as reportMonthsReceipt from './2026-12-19-report-months-receipt.ts';
import * as suggestionDue from './2026-12-20-suggestion-due.ts';
import * as stage1ClosedDue from './2026-12-21-stage1-closed-due.ts';
import * as secureDelete from './2026-12-22-secure-delete.ts';
import * as reportMonthsResponsible from './2026-12-23-report-months-responsible.ts';
import * as erasedWords from './2026-12-24-erased-words.ts';
import * as consentTexts from './2026-12-25-consent-texts.ts';
import * as complaintOpened from './2026-12-26-complaint-opened.ts';
import * as inboxFacets from './2026-12-27-inbox-facets.ts';
import * as receivedNotAfter from './2026-12-28-received-not-after.ts';

/** Every migration by its dated name; Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-feedback': feedback,
  '2026-11-23-ratings': ratings,
  '2026-11-24-console': console_,
  '2026-11-25-search': search,
  '2026-12-03-complaints': complaints,
  '2026-12-04-employee-email': employeeEmail,
  '2026-12-04-ratings': ratingsMadeRight,
  '2026-12-04-search-words': searchWords,
  '2026-12-05-abuse': abuse,
  '2026-12-05-message-id': messageId,
  '2026-12-05-privacy': privacy,
  '2026-12-05-idempotency-scope': idempotencyScope,
  '2026-12-10-report-indexes': reportIndexes,
  '2026-12-12-report-months': reportMonths,
  '2026-12-13-search-at-commit': searchAtCommit,
  '2026-12-14-report-months-open': reportMonthsOpen,
  '2026-12-15-search-words-gaps': searchWordsGaps,
  '2026-12-16-outbox-bodies': outboxBodies,
  '2026-12-17-outbox-view-columns': outboxViewColumns,
  '2026-12-18-closed-complaints': closedComplaints,
  '2026-12-19-report-months-receipt': reportMonthsReceipt,
  '2026-12-20-suggestion-due': suggestionDue,
  '2026-12-21-stage1-closed-due': stage1ClosedDue,
  '2026-12-22-secure-delete': secureDelete,
  '2026-12-23-report-months-responsible': reportMonthsResponsible,
  '2026-12-24-erased-words': erasedWords,
  '2026-12-25-consent-texts': consentTexts,
  '2026-12-26-complaint-opened': complaintOpened,
  '2026-12-27-inbox-facets': inboxFacets,
  '2026-12-28-received-not-after': receivedNotAfter,
};
