import { Hono } from 'hono';
import type { CalendarHours, CalendarYear } from '../../shared/console-calendar.ts';
import { readCalendarDay, removeCalendarDay, setCalendarDay, setWorkingHours } from '../calendar/calendar-store.ts';
import { calendarYear } from '../calendar/calendar-year.ts';
import { companyYear } from '../company-time.ts';
import { ApiError } from '../http/api-error.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { jsonBody } from '../http/json-body.ts';
import { actorOf, type ConsoleEnv, EDITORS, requireRole } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';

/** The year asked for (the current one by default); 422 naming `year` for anything else. */
function yearOf(query: string | undefined, now: Date): number {
  if (query === undefined || query === '') return companyYear(now);
  if (!/^\d{4}$/.test(query) || Number(query) < 2000 || Number(query) > 2100)
    throw new ApiError(422, 'validation', { year: 'invalid' });
  return Number(query);
}

/**
 * The working calendar: `GET /?year=2026` (every console role reads it), `PUT /days/:day`
 * `{type, note}`, `DELETE /days/:day` (back to the decree), `PUT /hours` `{start, end}` (admin and
 * QMS). A change to a day answers that day's year.
 */
export function calendarRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const edit = [requireRole(...EDITORS), limitBody(FORM_BODY)] as const;

  app.get('/', async (c) => {
    const answer: CalendarYear = await calendarYear(deps.db, yearOf(c.req.query('year'), deps.clock.now()));
    return c.json(answer);
  });

  app.put('/days/:day', ...edit, async (c) => {
    const input = readCalendarDay(c.req.param('day'), await jsonBody(c));
    await setCalendarDay(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), input);
    const answer: CalendarYear = await calendarYear(deps.db, Number(input.day.slice(0, 4)));
    return c.json(answer);
  });

  app.delete('/days/:day', ...edit, async (c) => {
    const day = c.req.param('day');
    await removeCalendarDay(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), day);
    const answer: CalendarYear = await calendarYear(deps.db, Number(day.slice(0, 4)));
    return c.json(answer);
  });

  app.put('/hours', ...edit, async (c) => {
    const answer: CalendarHours = await setWorkingHours(
      deps.db,
      deps.clock,
      actorOf(c, deps.config.trustProxy),
      await jsonBody(c),
    );
    return c.json(answer);
  });

  return app;
}
