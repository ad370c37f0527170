// The personal-data settings (152-ФЗ), read at start by env.ts: how long closed submissions keep
// their personal fields (server/privacy/retention.ts erases them), and the consent each submission
// records. Imports nothing of the server's folders: env.ts, which everything imports, uses it.
import fs from 'node:fs';
import path from 'node:path';
import { CONSENT_VERSION } from '../shared/limits.ts';
import type { Lang } from '../shared/lang.ts';

const DEFAULT_YEARS = 3;

/**
 * Days a closed submission's personal fields are kept, from RETENTION_DAYS, else RETENTION_YEARS
 * (a year counted as 365 days), else three years; 0 in either turns erasing off (null).
 * @example retentionDays(undefined, 1) // 365
 */
export function retentionDays(days: number | undefined, years: number | undefined): number | null {
  const d = days ?? (years ?? DEFAULT_YEARS) * 365;
  return d === 0 ? null : d;
}

/** The personal-data consent a client gives: the version each submission records, and the company's own text. */
export interface ConsentConfig {
  version: string;
  /** Paragraphs of the company's own text per language (CONSENT_FILE, CONSENT_FILE_EN); null: the built-in one. */
  text: Record<Lang, string[] | null>;
}

/** A plain-text file's paragraphs (separated by blank lines), read at start so a wrong path stops the server. */
function paragraphs(file: string | undefined, variable: string): string[] | null {
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (err) {
    throw new Error(`${variable}: can't read the consent text ${file} (${(err as Error).message})`);
  }
  const parts = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error(`${variable}: the consent text ${file} is empty`);
  return parts;
}

/**
 * The consent from CONSENT_VERSION and the text files: without a file, the built-in text and its
 * version; a Russian file without an English one is shown on the English page too (the binding
 * text is the company's, not a translation of ours).
 * @example consentConfig('2027-01-10', '/srv/otklik/consent.txt', undefined)
 */
export function consentConfig(version: string | undefined, fileRu: string | undefined, fileEn: string | undefined) {
  const ru = paragraphs(fileRu, 'CONSENT_FILE');
  const en = paragraphs(fileEn, 'CONSENT_FILE_EN') ?? ru;
  return { version: version ?? CONSENT_VERSION, text: { ru, en } } satisfies ConsentConfig;
}
