import type { Config } from '../env.ts';

/**
 * The server's own address for links in e-mails sent without a request at hand (reminders):
 * PUBLIC_URL, else the local port. README asks to set PUBLIC_URL in production.
 */
export const serverBase = (config: Pick<Config, 'publicUrl' | 'port'>): string =>
  config.publicUrl ?? `http://localhost:${config.port}`;

/** The console's card of a submission. */
export const cardLink = (config: Pick<Config, 'publicUrl' | 'port'>, submissionId: string): string =>
  `${serverBase(config)}/admin/submissions/${encodeURIComponent(submissionId)}`;
