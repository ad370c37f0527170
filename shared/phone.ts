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

/**
 * A mobile number written with its trunk «8» and a digit short: «8 912 345-67-8» has ten digits,
 * which normalizePhone reads as a whole national number (+7 891…), a code no Russian number has;
 * the QMS would call a number that does not exist. Only the server checks it (the widget's bytes):
 * its 422 shows under the field like any.
 * @example missesADigit('8 (912) 345-67-8') // true
 */
export const missesADigit = (value: string): boolean =>
  !value.trim().startsWith('+') && /^89\d{8}$/.test(value.replace(/\D/g, ''));

/**
 * A stored E.164 number as people write it: a Russian one (+7 and ten digits) grouped
 * «+7 XXX XXX-XX-XX», which fits both city numbers with a three-digit code and mobiles; any other
 * number, or a value that is not E.164, as stored. Only for showing: links (`tel:`) and storage
 * keep E.164. The widget doesn't show phones and doesn't import this.
 * @example formatPhone('+78632001122') // '+7 863 200-11-22'
 */
export function formatPhone(value: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(value);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : value;
}
