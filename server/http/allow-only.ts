import type { Handler } from 'hono';
import { ApiError } from './api-error.ts';

/**
 * The answer to a method a public endpoint does not take: 405 with `Allow` (RFC 9110 §15.5.6),
 * so an integrator who sends `GET /api/v1/feedback` learns the method is wrong, not the address.
 * Mounted after the endpoint's own routes, which answer the methods they take.
 * @example app.all('/api/v1/feedback', allowOnly('POST'))
 */
export const allowOnly =
  (...methods: string[]): Handler =>
  (c) => {
    c.header('Allow', methods.join(', '));
    throw new ApiError(405, 'method_not_allowed');
  };
