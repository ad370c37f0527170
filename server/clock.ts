/** The time source every piece of logic gets injected, so deadlines and retries are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
