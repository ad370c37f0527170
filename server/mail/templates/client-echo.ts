import type { Lang } from '../../../shared/i18n.ts';

/** How much of what the client wrote his acknowledgement repeats. */
export const ECHO_MAX = 300;

const MARKS = {
  ru: { link: '[ссылка скрыта]', address: '[адрес скрыт]' },
  en: { link: '[link hidden]', address: '[address hidden]' },
} as const;

// Anything a mail client could make a link of: an address, a scheme's URL, www., an IP, and a bare
// domain whose last label is a Latin TLD or a Cyrillic one (пример.рф). «т.е.» and «3.5» stay.
const EMAIL = /[^\s<>()[\]"',;:«»@]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu;
// A link ends where a link finder ends it: at a space, a quote or an angle bracket, so the
// `">click</a>` after `<a href="http://…` stays the client's words.
const URL = /\b[a-z][a-z\d+.-]*:\/\/[^\s<>"'«»]*|\bwww\.[^\s<>"'«»]*/giu;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:\/[^\s<>"'«»]*)?/gu;
const DOMAIN =
  /(?<![\p{L}\p{N}_@-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:[a-z]{2,}|xn--[a-z\d-]+|рф|рус|москва|онлайн|сайт|орг|ком|дети|укр|бел|қаз|срб)(?![\p{L}\p{N}_-])(?::\d+)?(?:\/[^\s<>"'«»]*)?/giu;

/**
 * What an acknowledgement may repeat of the client's own text (issue 10: it must not be a relay):
 * every e-mail address, URL and domain-like token replaced by a neutral mark, so nothing in it can
 * be a link or an address to write to, and cut to ECHO_MAX characters. A spammer who types a
 * victim's address and his payload gets the company's fixed text and a stub of words.
 * @example clientEcho('Пишите на spam@x.ru или заходите на cheap.example.com!', 'ru') // 'Пишите на [адрес скрыт] или заходите на [ссылка скрыта]!'
 */
export function clientEcho(text: string, lang: Lang): string {
  const mark = MARKS[lang];
  // Word by word (no link or address holds a space), each read as a mail client's link finder
  // reads it: compatibility forms folded (a fullwidth «．» is a dot), the dots of IDNA (「。」)
  // made dots, invisible characters taken out, or «evil．com» and «evil\u200b.com» passed as
  // words. A word with nothing to hide is repeated as written: folded, «№ 45» read «No 45».
  const neutral = text
    .split(/(\s+)/)
    .map((word) => {
      const plain = word
        .normalize('NFKC')
        .replace(/[\u3002\uff61]/g, '.')
        .replace(/\p{Cf}/gu, '');
      const hidden = plain
        .replace(EMAIL, mark.address)
        .replace(URL, mark.link)
        .replace(IP, mark.link)
        .replace(DOMAIN, mark.link);
      return hidden === plain ? word : hidden;
    })
    .join('')
    .trim();
  const chars = Array.from(neutral); // by code points: an emoji is never cut in half
  return chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX).join('').trimEnd()}…` : neutral;
}
