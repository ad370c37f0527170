import type { Logger } from '../ops/logger.ts';
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from '../env.ts';
import { ACKS_PER_ADDRESS } from './allowances.ts';
import { mailAllowed } from './counters.ts';

// Domains whose mailboxes ignore dots in the local part (Gmail), or read them as dashes (Yandex).
const GMAIL = new Set(['gmail.com', 'googlemail.com']);
const YANDEX = new Set(['yandex.ru', 'ya.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua']);

/**
 * The mailbox an address delivers to, as far as the big providers tell: case folded, a `+tag`
 * dropped (Gmail, Yandex, Mail.ru and most servers deliver `ivan+1@` to `ivan@`), Gmail's dots
 * dropped, Yandex's domains one and its dots dashes, a Cyrillic domain in its ASCII form. Without it, `victim+1@`, `victim+2@`… each
 * got their own five acknowledgements, all in one inbox.
 * @example mailboxOf('Ivan.Petrov+shop@googlemail.com') // 'ivanpetrov@gmail.com'
 */
export function mailboxOf(address: string): string {
  const at = address.lastIndexOf('@');
  // One spelling of a Cyrillic domain: пример.рф and xn--e1afmkfd.xn--p1ai are one mailbox's.
  const domain = domainToASCII(address.slice(at + 1)) || address.slice(at + 1).toLowerCase();
  let local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) return `${local.replaceAll('.', '')}@gmail.com`;
  if (YANDEX.has(domain)) return `${local.replaceAll('.', '-')}@yandex.ru`;
  return `${local}@${domain}`;
}

/**
 * Whether a client's acknowledgement may be queued to this address: at most ACKS_PER_ADDRESS a
 * day, so anyone typing someone else's address into the form can't make the company's mail
 * server bomb it. Past it only the acknowledgement is dropped (counted `ack_capped`); the message
 * is stored and the QMS told as ever. Counted in the caller's transaction, so a submission that
 * rolls back takes its count back. RATE_LIMIT=0 turns it off.
 * @example if (await mayAcknowledge(trx, deps, 'client@example.ru')) await insertOutboxMessage(…)
 */
export async function mayAcknowledge(
  trx: Kysely<Database>,
  deps: { clock: Clock; config: Config; logger?: Logger | undefined },
  address: string,
): Promise<boolean> {
  // Kept as a hash: the counter outlives an erasure of the address by up to a day.
  const mailbox = createHash('sha256').update(mailboxOf(address)).digest('base64url');
  return mailAllowed(trx, deps, `ack:${mailbox}`, ACKS_PER_ADDRESS, 'ack_capped');
}
