import { Hono } from 'hono';
import { z } from 'zod';
import type { CalendarHours, CalendarYear } from '../../shared/console-calendar.ts';
import { calendarDaySchema, workingHoursSchema } from '../../shared/calendar-schema.ts';
import { readCalendarDay, removeCalendarDay, setCalendarDay, setWorkingHours } from '../calendar/calendar-store.ts';
import { calendarYear } from '../calendar/calendar-year.ts';
import { companyYear } from '../company-time.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { onlyFields, validJson, validQuery } from '../http/validate.ts';
import { actorOf, type ConsoleEnv, EDITORS, requireRole } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';

/** `?year=2026`; none (or blank) is the current year; anything else is 422 naming `year`. */
const YEAR_QUERY = z.object({
  year: z
    .string()
    .optional()
    .refine((v) => !v || (/^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100), 'invalid'),
});

/**
 * The working calendar: `GET /?year=2026` (every console role reads it), `PUT /days/:day`
 * `{type, note}`, `DELETE /days/:day` (back to the decree), `PUT /hours` `{start, end}` (admin and
 * QMS). A change to a day answers that day's year.
 */
export function calendarRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const edit = [requireRole(...EDITORS), limitBody(FORM_BODY)] as const;

  app.get('/', validQuery(YEAR_QUERY), async (c) => {
    const { year } = c.req.valid('query');
    const answer: CalendarYear = await calendarYear(deps.db, year ? Number(year) : companyYear(deps.clock.now()));
    return c.json(answer);
  });

  app.put('/days/:day', ...edit, validJson(onlyFields(Object.keys(calendarDaySchema))), async (c) => {
    const input = readCalendarDay(c.req.param('day'), c.req.valid('json'));
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

  app.put('/hours', ...edit, validJson(onlyFields(Object.keys(workingHoursSchema))), async (c) => {
    const answer: CalendarHours = await setWorkingHours(
      deps.db,
      deps.clock,
      actorOf(c, deps.config.trustProxy),
      c.req.valid('json'),
    );
    return c.json(answer);
  });

  return app;
}
