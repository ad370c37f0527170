// The registrar types the moment a complaint came in on the company's clock, whatever his
// computer's zone, as the console shows every time (format.ts). Moscow has kept UTC+3 all year
// since 2014, so its wall clock maps to an instant by a fixed offset.
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

/**
 * An instant as a `datetime-local` value, Moscow time.
 * @example moscowInputValue(new Date('2026-11-23T09:30:00Z')) // '2026-11-23T12:30'
 */
export const moscowInputValue = (at: Date) => new Date(at.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 16);

/**
 * A `datetime-local` value read as Moscow time, as an ISO instant; null when it is not one.
 * @example moscowInstant('2026-11-23T12:30') // '2026-11-23T09:30:00.000Z'
 */
export function moscowInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = new Date(`${value}:00+03:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
