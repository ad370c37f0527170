/** The company's own site as COMPANY_SITE names it: the name people read and the address it opens. */
export interface CompanySite {
  /** `example.ru`, as the consent and the links name it. */
  name: string;
  /** `https://example.ru`. */
  href: string;
}

/**
 * Reads COMPANY_SITE, written as people write it (`example.ru`, `https://example.ru/`): null when
 * it is unset.
 * @example companySite('https://gendalf.ru/') // { name: 'gendalf.ru', href: 'https://gendalf.ru' }
 */
export function companySite(value: string | null): CompanySite | null {
  const name = value?.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (!name) return null;
  return { name, href: /^http:\/\//i.test(value!) ? `http://${name}` : `https://${name}` };
}
