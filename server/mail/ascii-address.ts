import { domainToASCII } from 'node:url';

/**
 * An address with its domain in ASCII (IDNA punycode), as every mail server takes it:
 * `ivan@почта.рф` → `ivan@xn--80a1acny.xn--p1ai`, `Отклик <otklik@пример.рф>` likewise. A client
 * may well write from a .рф domain, but SMTP without SMTPUTF8, and Amazon SES under Resend, refuse
 * a domain in Unicode: his acknowledgement failed for good, and so did the QMS's notification,
 * whose Reply-To is his address. The local part is left as it is (only SMTPUTF8 carries one that
 * isn't ASCII); an address whose domain is not a valid name is left as it is too.
 * @example asciiAddress('ivan@почта.рф') // 'ivan@xn--80a1acny.xn--p1ai'
 */
export function asciiAddress(address: string): string {
  return address.replace(/@([^\s@<>]+)(>?\s*)$/u, (whole, domain: string, end: string) => {
    if (/^[\x21-\x7e]+$/.test(domain)) return whole;
    const ascii = domainToASCII(domain);
    return ascii ? `@${ascii}${end}` : whole;
  });
}
