/**
 * The `accent` attribute when the browser reads it as a colour, else '': the default accent
 * (`--otklik-accent`, else the widget's blue). A colour it can't read («0b62c4», «red;}») left
 * «Отправить» without a background, white on white.
 * @example accentOf(host) // '#0b62c4' for accent="#0b62c4", '' for accent="0b62c4"
 */
export function accentOf(host: HTMLElement): string {
  const accent = host.getAttribute('accent');
  // No attribute is «null», which is no colour either.
  return CSS.supports('color', accent!) ? accent! : '';
}
