// What was refused and why, GET /api/admin/refusals: built by server/console/refusals-routes.ts,
// read by admin/. Types only. Only the day, the reason and the count are kept, never the content.

/** One day's count of one reason (`rate_ip`, `pow_missing`, … : server/abuse/refusals.ts). */
export interface RefusalCount {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  reason: string;
  count: number;
}

/** `GET /refusals?days=30`: the counts of the last `days` days (today included), newest day first. */
export interface RefusalsAnswer {
  since: string;
  days: number;
  items: RefusalCount[];
}
