/**
 * Normalises a phone number to E.164, reading national Russian forms (8 900 …, 900 …) as +7.
 * Returns null when the value can't be a phone number. A full numbering-plan library
 * (libphonenumber) would not fit the widget's 12 KB budget; length rules of E.164 suffice here.
 * @example normalizePhone('8 (928) 102-93-80') // '+79281029380'
 */
export function normalizePhone(value: string): string | null {
  if (!/^[\d\s()+\-.]+$/.test(value.trim())) return null;
  const international = value.trim().startsWith('+');
  let digits = value.replace(/\D/g, '');
  if (!international) {
    if (digits.length === 11 && (digits[0] === '8' || digits[0] === '7')) digits = `7${digits.slice(1)}`;
    else if (digits.length === 10) digits = `7${digits}`;
    else return null;
  }
  if (digits.startsWith('7') && digits.length !== 11) return null;
  if (digits.length < 8 || digits.length > 15 || digits[0] === '0') return null;
  return `+${digits}`;
}
