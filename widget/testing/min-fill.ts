import type * as Limits from '../../shared/limits.ts';

/**
 * The minimum fill times the widgets wait out before they send, as a test sets them: none unless
 * it does, so that most tests send at once. Reset it in `beforeEach` when a test changes it.
 * @example minFill.rating = 1000;
 */
export const minFill = { feedback: 0, rating: 0 };

/**
 * shared/limits.ts with `minFill` for its `MIN_FILL_MS`, for a test's mock of that module. The
 * factory imports this file itself: vitest hoists `vi.mock` above the test file's imports.
 * @example vi.mock(limitsPath, async (original) => (await import(minFillPath)).withMinFill(await original()));
 */
export const withMinFill = (limits: typeof Limits) => ({ ...limits, MIN_FILL_MS: minFill });
