/**
 * A fresh idempotency key: one per draft, so a retried or double-clicked send counts once.
 * 128 random bits in decimal rather than `crypto.randomUUID()`, which exists only in secure
 * contexts (its fallback cost the form 74 B brotli); the server takes any key up to 200 characters.
 * @example newIdempotencyKey() // '3735928559-305419896-4023233417-2882400001'
 */
export const newIdempotencyKey = () => crypto.getRandomValues(new Uint32Array(4)).join('-');
