import { describe, expect, it } from 'vitest';
import { resendError } from './resend.ts';
import { smtpError } from './smtp.ts';

const now = new Date('2026-12-01T09:00:00.000Z');
const resend = (statusCode: number | null, name = 'validation_error', headers: Record<string, string> | null = {}) =>
  resendError({ statusCode, name: name as never, message: 'm' }, headers, now);

describe('Resend failures', () => {
  it('a 4xx about the message is permanent', () => {
    for (const status of [400, 422])
      expect(resend(status)).toMatchObject({ permanent: true, scope: 'message', status });
    expect(resend(409, 'invalid_idempotent_request')).toMatchObject({ permanent: true });
  });
  it('rate limits, conflicts, timeouts, 5xx, network failures and account problems are retried', () => {
    expect(resend(429, 'rate_limit_exceeded', { 'retry-after': '2' })).toMatchObject({
      permanent: false,
      scope: 'provider',
      retryAfterMs: 2000,
    });
    expect(resend(409, 'concurrent_idempotent_requests')).toMatchObject({ permanent: false });
    expect(resend(408)).toMatchObject({ permanent: false });
    for (const status of [401, 403, 500, 503, null])
      expect(resend(status)).toMatchObject({ permanent: false, scope: 'provider' });
  });
});

describe('SMTP failures', () => {
  it('5xx rejections are permanent, 4xx and 503 are not', () => {
    expect(smtpError({ message: 'x', code: 'EENVELOPE', responseCode: 550, permanent: true })).toMatchObject({
      permanent: true,
      scope: 'message',
    });
    expect(smtpError({ message: 'x', code: 'EMESSAGE', responseCode: 552 })).toMatchObject({ permanent: true });
    expect(smtpError({ message: 'x', code: 'EENVELOPE', responseCode: 452 })).toMatchObject({
      permanent: false,
      scope: 'message',
    });
    expect(smtpError({ message: 'x', code: 'EPROTOCOL', responseCode: 503 })).toMatchObject({ permanent: false });
  });
  it('login failures and unreachable servers wait for the operator and the network', () => {
    expect(smtpError({ message: 'x', code: 'EAUTH', responseCode: 535, permanent: true })).toMatchObject({
      permanent: false,
      scope: 'provider',
    });
    expect(smtpError({ message: 'x', code: 'ESOCKET' })).toMatchObject({ permanent: false, scope: 'provider' });
    expect(smtpError({ message: 'x', responseCode: 421 })).toMatchObject({ permanent: false, scope: 'provider' });
  });
});
