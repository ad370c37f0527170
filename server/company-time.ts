/** The company's time zone: registration years and times in e-mails are counted in it. */
export const COMPANY_TIME_ZONE = 'Europe/Moscow';

/** The calendar year of an instant in the company's time zone. */
export function companyYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: COMPANY_TIME_ZONE, year: 'numeric' }).format(at));
}
