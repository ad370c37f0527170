import type { Config } from '../env.ts';

/**
 * The block the server prints at start when a defence is switched off (CAPTCHA=off, RATE_LIMIT=0):
 * the switches are for tests and benchmarks, and a production server left with one must say so
 * where the operator looks. Null when every defence is on.
 * @example const warning = defencesOffWarning(config); if (warning) console.warn(warning)
 */
export function defencesOffWarning(config: Pick<Config, 'captcha' | 'rateLimit'>): string | null {
  const off = [
    ...(config.captcha ? [] : ['CAPTCHA=off: public posts need no proof of work and no minimum fill time']),
    ...(config.rateLimit > 0
      ? []
      : ['RATE_LIMIT=0: no per-IP, per-employee/subject or per-address acknowledgement limits']),
  ];
  if (off.length === 0) return null;
  const bar = '!'.repeat(78);
  return [
    bar,
    '!! WARNING: spam defences are OFF. These switches are for tests and benchmarks only:',
    ...off.map((line) => `!!   ${line}`),
    '!! Any script can flood the forms and the mailboxes. Unset them in production.',
    bar,
  ].join('\n');
}
