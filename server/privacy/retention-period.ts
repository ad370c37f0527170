const DEFAULT_YEARS = 3;

/**
 * Days a closed submission's personal fields are kept, from RETENTION_DAYS, else RETENTION_YEARS
 * (a year counted as 365 days), else three years; 0 in either turns erasing off (null).
 * @example retentionDays(undefined, 1) // 365
 */
export function retentionDays(days: number | undefined, years: number | undefined): number | null {
  const d = days ?? (years ?? DEFAULT_YEARS) * 365;
  return d === 0 ? null : d;
}
