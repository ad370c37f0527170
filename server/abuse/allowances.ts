import type { Allowance } from './counters.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The proof of work's size: a challenge's number is drawn from 1…this, so a solver tries half of
 * it on average. `npx tsx scripts/pow-speed.ts` times altcha-lib's own solver (one Web Crypto
 * SHA-256 at a time, as a plain browser solver does): 13–24 thousand hashes a second on a 2-core
 * server under a load average of 6–12, so 0.4–0.7 s on average; the widget starts solving while
 * the person types, seconds before the minimum fill time lets it send.
 */
export const POW_MAX_NUMBER = 20_000;

/** How long a challenge may be solved and posted: a form left open over lunch gets a new one. */
export const CHALLENGE_TTL_MS = HOUR;

/** How long a server-rendered form's `started` token is taken, for a page left open all day. */
export const STARTED_TTL_MS = 24 * HOUR;

/** Posts one IP may make in 10 minutes (RATE_LIMIT): any way of submitting counts. */
export const perIp = (max: number): Allowance => ({ max, windowMs: 10 * MINUTE });

/**
 * Posts without a proof of work one IP may make in an hour: the hosted pages without JavaScript
 * (a `started` token from the page is all they show). A person sends one or two; a script that
 * fetched the page once could otherwise reuse its token up to RATE_LIMIT.
 */
export const NO_SCRIPT: Allowance = { max: 5, windowMs: HOUR };

/**
 * Ratings of one employee in an hour, from anyone: a manager gets one e-mail per rating, so a
 * flood through many IPs must not fill his mailbox. An employee's clients rate him a few times a
 * day; 20 in an hour is a flood.
 */
export const PER_EMPLOYEE: Allowance = { max: 20, windowMs: HOUR };

/** Ratings of one subject (delivery) in an hour: every client of the site may rate it, so more. */
export const PER_SUBJECT: Allowance = { max: 100, windowMs: HOUR };

/**
 * Acknowledgements one address gets in a day: past it the message is stored and the QMS told as
 * ever, only the client's copy is not sent, so a form can't be used to bomb a mailbox.
 */
export const ACKS_PER_ADDRESS: Allowance = { max: 5, windowMs: 24 * HOUR };
