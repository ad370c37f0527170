/** The company's time zone: registration years and times in e-mails are counted in it. */
export const COMPANY_TIME_ZONE = 'Europe/Moscow';

// Built once: making an Intl.DateTimeFormat costs far more than using it, and every submission
// asks for its year (issue 12: formatters built per call were 8 % of the submit path's CPU).
const YEAR = new Intl.DateTimeFormat('en', { timeZone: COMPANY_TIME_ZONE, year: 'numeric' });

/** The calendar year of an instant in the company's time zone. */
export function companyYear(at: Date): number {
  return Number(YEAR.format(at));
}
