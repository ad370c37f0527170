import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { parseEnv } from 'node:util';
import * as z from 'zod';
import { isEmail } from '../shared/rules.ts';
import { type ConsentConfig, consentConfig, retentionDays } from './privacy-config.ts';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
/**
 * A value that must not be empty: `PORT=` read as 0 listened on a random port, `RATE_LIMIT=` as 0
 * turned the spam limits off, `DATA_DIR=` put the database in the working folder, all silently.
 */
const filled = z.string().trim().min(1, 'is empty: give a value, or remove the line for the default');
const number = filled.pipe(z.coerce.number({ error: 'is not a number' }));
/** A site as browsers send it in `Origin`: a scheme and a host, no path; or `*` for any. */
const isOrigin = (v: string) => {
  if (v === '*') return true;
  if (!URL.canParse(v)) return false;
  // What new URL(v).origin makes an origin of: https://пример.рф and https://site.example:443 are origins too.
  const u = new URL(v);
  return /^https?:$/.test(u.protocol) && u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password;
};
const origins = z
  .string()
  .transform(list)
  .superRefine((sites, ctx) => {
    const wrong = sites.filter((v) => !isOrigin(v));
    if (wrong.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `not an origin: ${wrong.join(', ')}; each must be a scheme and a host such as https://site.example (no path), or *`,
      });
  })
  // As browsers send it in `Origin`: https://пример.рф as punycode, no default port, no slash.
  .transform((sites) => sites.map((v) => (v === '*' ? v : new URL(v).origin)));
// An address the mail can go to: an ASCII mailbox without stray dots, at a domain that is a valid
// name, a Cyrillic one included (ceo@пример.рф, sent to as punycode).
const email = z
  .string()
  .trim()
  .refine((s) => {
    const at = s.lastIndexOf('@');
    const local = s.slice(0, at);
    return (
      at > 0 &&
      isEmail(s) &&
      /^[\x21-\x7e]+$/.test(local) &&
      !/^\.|\.\.|\.$/.test(local) &&
      domainToASCII(s.slice(at + 1)) !== '' &&
      !/(^|\.)-|-(\.|$)/.test(s.slice(at + 1))
    );
  }, 'is not an e-mail address');
const emailList = z.string().transform(list).pipe(z.array(email).min(1));
/** A switch in any case (`off`, `OFF`, `Off`), as people type it in a unit file or docker-compose. */
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']))
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

/** pino's levels (server/ops/logger.ts); silent turns the log off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A retention period: a whole number, `0` or `off` for none. */
const retention = z
  .string()
  .toLowerCase()
  .regex(/^(\d{1,5}|off)$/, 'must be a whole number, or 0 / off to keep personal data without limit')
  .transform((v) => (v === 'off' ? 0 : Number(v)));

/**
 * zod's own words for the checks that have none of ours, as an operator reads them: «Too small:
 * expected array to have >=1 items» was all `QMS_EMAIL=` said. A check with a message keeps it.
 */
const plainWords = (issue: z.core.$ZodRawIssue): string | undefined => {
  const limit = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : undefined;
  // `gt(0)`: «must be more than 0», not «at least 0» beside a 0 refused.
  const open = 'inclusive' in issue && issue.inclusive === false;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'needs at least one address';
  if (issue.code === 'too_small' && issue.origin === 'string') return `must be at least ${limit} characters long`;
  if (issue.code === 'too_small') return open ? `must be more than ${limit}` : `must be at least ${limit}`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `must be at most ${limit} characters long`;
  if (issue.code === 'too_big') return open ? `must be less than ${limit}` : `must be at most ${limit}`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'must be a whole number';
  return undefined;
};

const envSchema = z.object({
  // `prod` or `Production` silently served the demo site and kept the development defaults.
  NODE_ENV: z
    .string()
    .default('development')
    .refine((v) => ['production', 'development', 'test', ''].includes(v), 'must be production or development'),
  PORT: number.pipe(z.number().int().min(0).max(65535)).default(8787),
  HOST: optional.refine(
    (v) => v === undefined || isIP(v) !== 0 || v === 'localhost',
    'must be an IP address this machine has (127.0.0.1, ::1, 10.0.0.5) or localhost',
  ),
  DATA_DIR: filled.default('./data'),
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must start with postgres:// (or be empty for SQLite)',
  ),
  PUBLIC_URL: optional.pipe(
    z
      .string()
      .url()
      .refine((v) => /^https?:\/\/[^/]/.test(v), 'must start with https:// or http:// (https://feedback.example.ru)')
      // Pages name their files from the root: under a path, links and files would part ways.
      .refine(
        isOrigin,
        'must be a scheme and a host, no path (https://feedback.example.ru): Otklik is served from the root of its address',
      )
      .optional(),
  ),
  ALLOWED_ORIGINS: origins.default(['*']),
  COMPANY_NAME: filled.default('ООО «Пример»'),
  COMPANY_CONTACT: optional.pipe(z.string().max(300).optional()),
  COMPANY_SITE: optional.pipe(z.string().max(100).optional()),
  QMS_EMAIL: emailList.default(['smk@example.ru']),
  CEO_EMAIL: optional.pipe(emailList.optional()),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@.]+(?:\.[^\s<>@.]+)+>|[^\s<>@]+@[^\s<>@.]+(?:\.[^\s<>@.]+)+)$/,
      'must be an address, with a name or without (Otklik <otklik@example.ru>)',
    )
    .default('Otklik <otklik@example.ru>')
    .transform(quotedSender),
  MAIL_TRANSPORT: z.enum(['file', 'resend', 'smtp']).default('file'),
  RESEND_API_KEY: optional,
  RESEND_BASE_URL: optional.pipe(z.string().url().optional()),
  SMTP_URL: optional
    .refine((v) => v === undefined || /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .refine(
      (v) => v === undefined || !/^smtps?:\/\//.test(v) || isHostUrl(v),
      'is not a URL smtp://user:password@host:587: write an @, #, /, ? or : in the user or password as %40, %23, %2F, %3F, %3A',
    ),
  MAX_FILE_MB: number.pipe(z.number().positive().max(100)).default(10),
  MAIL_ATTACH_MB: number.pipe(z.number().min(0).max(100)).default(9),
  BODY_IDLE_SECONDS: number.pipe(z.number().positive().max(300)).default(10),
  DEMO: optional.pipe(flag.optional()),
  TRUST_PROXY: optional.pipe(flag.optional()),
  RATE_LIMIT: number.pipe(z.number().int().min(0).max(100000)).default(30),
  SQLITE_SYNCHRONOUS: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['NORMAL', 'FULL']))
    .default('NORMAL'),
  RETENTION_YEARS: optional.pipe(retention.optional()),
  RETENTION_DAYS: optional.pipe(retention.optional()),
  CONSENT_VERSION: optional.pipe(z.string().max(32).optional()),
  CONSENT_FILE: optional,
  CONSENT_FILE_EN: optional,
  CAPTCHA: optional.pipe(flag.optional()),
  ALTCHA_HMAC_KEY: optional.pipe(z.string().min(16).optional()),
  DIGEST: optional.pipe(flag.optional()),
  OUTBOX_LEASE_SECONDS: number.pipe(z.number().int().min(5).max(3600)).default(120),
  OUTBOX_RETRY_SECONDS: number.pipe(z.number().min(0.1).max(3600)).default(30),
  LOG_LEVEL: optional.transform((v) => v?.toLowerCase()).pipe(z.enum(LOG_LEVELS).optional()),
  LOG_FORMAT: optional.transform((v) => v?.toLowerCase()).pipe(z.enum(['json', 'pretty']).optional()),
  METRICS_TOKEN: optional.pipe(z.string().min(16).optional()),
});

/** Variables that another one makes required; checked even when other variables are wrong. */
function requiredTogether(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (env.MAIL_TRANSPORT === 'resend' && !env.RESEND_API_KEY?.trim())
    missing.push('  RESEND_API_KEY: is required when MAIL_TRANSPORT=resend');
  if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL?.trim())
    missing.push('  SMTP_URL: is required when MAIL_TRANSPORT=smtp');
  // A new consent text is a new version: the version is what each submission records.
  if ((env.CONSENT_FILE?.trim() || env.CONSENT_FILE_EN?.trim()) && !env.CONSENT_VERSION?.trim())
    missing.push('  CONSENT_VERSION: is required with CONSENT_FILE (each submission records the version)');
  return missing;
}

/** Everything the server is configured with; built once at start from the environment. */
export interface Config {
  port: number;
  /** The address to listen on; undefined: every one the machine has. */
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  /** Each as browsers send it in `Origin` (https://xn--e1afmkfd.xn--p1ai, no default port), or `*`. */
  allowedOrigins: string[];
  companyName: string;
  /**
   * The company's own contact line under the form's intro, as the seed's form has it
   * («…или обратитесь по тел. +7 863 200-11-22, руководитель СМК — Матвеева Анна»); null for none.
   */
  companyContact: string | null;
  /** The company's site as its consent text names it («на сайте example.ru»); null for none. */
  companySite: string | null;
  qmsEmail: string[];
  ceoEmail: string[];
  mailFrom: string;
  mailTransport: 'file' | 'resend' | 'smtp';
  resendApiKey: string | undefined;
  resendBaseUrl: string | undefined;
  smtpUrl: string | undefined;
  maxFileBytes: number;
  /** The QMS notification attaches files up to this total; the rest it lists with a link to the card. */
  mailAttachBytes: number;
  /** A request body that sends nothing for this long is cut off with 408. */
  bodyIdleMs: number;
  demo: boolean;
  /** Take the client's IP from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Submissions one IP may post in 10 minutes; 0 turns this and the per-target limits off. */
  rateLimit: number;
  /** SQLite's `synchronous`: NORMAL survives a crash of the process, FULL a power cut too (README «Durability»). */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Days after closing that a submission's personal fields are kept (server/privacy/); null keeps them. */
  retentionDays: number | null;
  /** The personal-data consent text and its version, recorded with each submission (server/privacy-config.ts). */
  consent: ConsentConfig;
  /** The proof of work and the minimum fill time on public posts; off only for tests and benchmarks. */
  captcha: boolean;
  /** The proof of work's HMAC key; unset: one made once and kept in the database (settings). */
  altchaHmacKey: string | undefined;
  /** The weekly digest to the QMS, Monday 09:00 company time (server/reports/digest/); DIGEST=off stops it. */
  digest: boolean;
  /** How long an instance's claim holds outbox messages: a killed instance's go out after it. */
  outboxLeaseMs: number;
  /** The first wait after a failed send, doubled with each further failure (mail/backoff.ts). */
  outboxRetryMs: number;
  /** pino's level for the JSON log on stdout (server/ops/logger.ts). */
  logLevel: LogLevel;
  /** Bearer token for GET /metrics; unset: /metrics answers only direct requests from loopback. */
  metricsToken: string | undefined;
  production: boolean;
}

export class ConfigError extends Error {
  /** Whether starting again may succeed with nothing changed: a port still held, a database still starting. */
  readonly transient: boolean;
  constructor(message: string, opts: { transient?: boolean } = {}) {
    super(message);
    this.transient = opts.transient ?? false;
  }
}

/**
 * The environment with the variables of a `.env` file (Node's own parser, the syntax of
 * `node --env-file`) under it: a variable set in the real environment wins, even when empty, so a
 * systemd unit or `docker run -e` overrides the file. No file, no change. The server and the CLI
 * both start from it, so `npm run cli` in the install's folder sees the server's database.
 * @example withEnvFile({ PORT: '9000' }, '/srv/otklik/.env')
 */
export function withEnvFile(env: NodeJS.ProcessEnv, file = path.resolve('.env')): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return env;
    throw new ConfigError(`Can't read ${file}: ${(err as Error).message}`);
  }
  return { ...parseEnv(text), ...env };
}

/** Whether a text is a URL with a host: a password with a bare `#` or `@` makes it none (or another host). */
function isHostUrl(v: string): boolean {
  try {
    const url = new URL(v);
    if (url.hostname === '') return false;
    if (!v.includes('@')) return true;
    // With a user: he is read, and the host is what follows the one «@» (a bare «#», «/» or «:» in
    // the password would make the user's name the host).
    const after = v.slice(v.lastIndexOf('@') + 1).toLowerCase();
    return url.username !== '' && v.indexOf('@') === v.lastIndexOf('@') && after.startsWith(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Variables whose whole value is a secret. */
const SECRETS = new Set(['RESEND_API_KEY', 'ALTCHA_HMAC_KEY', 'METRICS_TOKEN']);

/**
 * A wrong variable's value as the start's error shows it, in a log or a journal others read: a
 * secret by its length only, a URL without its password.
 * @example shownValue('DATABASE_URL', 'postgresq://otklik:S3cret@db/otklik') // '"postgresq://otklik:***@db/otklik"'
 */
function shownValue(name: string, value: string | undefined): string {
  if (value && SECRETS.has(name)) return `${value.length} characters, not shown`;
  // A password given as a parameter (libpq's «?password=…»), however the rest is written.
  const v = (value ?? '').replace(/([?&;]password=)[^&;]*/gi, '$1***');
  const at = v.lastIndexOf('@');
  if (at < 0) return JSON.stringify(v);
  // Everything before the last «@» is the user and password, however badly written (a user that is
  // an e-mail address, a password with «#» or «@»): after a whole «scheme://» the user is kept to
  // his first «:»; without one («smtp:/u:p@h», «u:p@h») nothing of it is shown.
  const scheme = /^[\s"']*[a-z][\w+.-]*:\/\//i.exec(v)?.[0];
  const auth = scheme ? v.slice(scheme.length, at) : '';
  const user = scheme && auth.includes(':') ? `${auth.slice(0, auth.indexOf(':'))}:***` : scheme ? auth : '***';
  return JSON.stringify(`${scheme ?? ''}${user}${v.slice(at)}`);
}

/**
 * A sender's name as RFC 5322 wants it: quoted, its quotes escaped, when it holds a comma, quotes
 * or another special; `ООО "Ромашка & Ко", СМК <a@b.ru>` as typed lost its quotes (mail readers
 * read them as quoting) and the comma could split it into two senders. One quoted already is kept.
 * @example quotedSender('ООО "Ромашка", СМК <a@b.ru>') // '"ООО \\"Ромашка\\", СМК" <a@b.ru>'
 */
export function quotedSender(from: string): string {
  const m = /^([^<>]*)<([^<>]+)>$/.exec(from);
  const name = (m?.[1] ?? '').trim();
  // Already quoted whole, or nothing to quote: as written.
  if (!m || !name || /^"(?:[^"\\]|\\.)*"$/.test(name) || !/[()<>[\]:;@\\,."]/.test(name)) return from;
  return `"${name.replace(/[\\"]/g, '\\$&')}" <${m[2]}>`;
}

/** The error that stops the start: one indented line per wrong variable. */
const invalidConfiguration = (lines: string[]) => new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);

/** The consent settings; a text file that can't be read stops the start as a wrong variable does. */
function consentOf(...args: Parameters<typeof consentConfig>): ConsentConfig {
  try {
    return consentConfig(...args);
  } catch (err) {
    throw invalidConfiguration([`  ${(err as Error).message}`]);
  }
}

/**
 * Reads and validates the environment (by default the process's, over the `.env` file of the
 * working folder); the only reader of `process.env` in the server. Throws a ConfigError naming
 * each wrong variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = withEnvFile(process.env)): Config {
  const parsed = envSchema.safeParse(env, { error: plainWords });
  const lines = [
    ...(parsed.error?.issues ?? []).map(
      (i) => `  ${String(i.path[0])}: ${i.message} (got ${shownValue(String(i.path[0]), env[String(i.path[0])])})`,
    ),
    ...requiredTogether(env),
  ];
  if (!parsed.success || lines.length > 0) {
    throw invalidConfiguration(lines);
  }
  const e = parsed.data!;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    allowedOrigins: e.ALLOWED_ORIGINS,
    companyName: e.COMPANY_NAME,
    companyContact: e.COMPANY_CONTACT ?? null,
    companySite: e.COMPANY_SITE ?? null,
    qmsEmail: e.QMS_EMAIL,
    ceoEmail: e.CEO_EMAIL ?? [],
    mailFrom: e.MAIL_FROM,
    mailTransport: e.MAIL_TRANSPORT,
    resendApiKey: e.RESEND_API_KEY,
    resendBaseUrl: e.RESEND_BASE_URL,
    smtpUrl: e.SMTP_URL,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    mailAttachBytes: Math.round(e.MAIL_ATTACH_MB * 1024 * 1024),
    bodyIdleMs: Math.round(e.BODY_IDLE_SECONDS * 1000),
    demo: e.DEMO ?? !production,
    trustProxy: e.TRUST_PROXY ?? false,
    rateLimit: e.RATE_LIMIT,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    retentionDays: retentionDays(e.RETENTION_DAYS, e.RETENTION_YEARS),
    consent: consentOf(e.CONSENT_VERSION, e.CONSENT_FILE, e.CONSENT_FILE_EN),
    captcha: e.CAPTCHA ?? true,
    altchaHmacKey: e.ALTCHA_HMAC_KEY,
    digest: e.DIGEST ?? true,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    outboxRetryMs: Math.round(e.OUTBOX_RETRY_SECONDS * 1000),
    logLevel: e.LOG_LEVEL ?? 'info',
    metricsToken: e.METRICS_TOKEN,
    production,
  };
}
