// Working time as QMS staff read it, in the console's card and reports and in the weekly digest:
// whole working days of the company's standard length first, then hours and minutes. A bare
// «27 ч» of working time read as «tomorrow night» when it was four calendar days away.

/**
 * Working time for people: «2 р. д. 3 ч 10 мин», «45 мин», «0 мин». `dayMinutes` is the length of
 * the company's ordinary working day (540 for 09:00–18:00).
 * @example workingTimeText(27 * 60, 540) // '3 р. д.'
 */
export function workingTimeText(minutes: number, dayMinutes: number): string {
  const days = dayMinutes > 0 ? Math.floor(minutes / dayMinutes) : 0;
  const hours = Math.floor((minutes - days * dayMinutes) / 60);
  const mins = minutes - days * dayMinutes - hours * 60;
  const parts = [days > 0 ? `${days} р. д.` : '', hours > 0 ? `${hours} ч` : '', mins > 0 ? `${mins} мин` : ''];
  return parts.filter(Boolean).join(' ') || '0 мин';
}
