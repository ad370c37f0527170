import { mostlyLatin } from '../../../shared/text-script.ts';
import { mailLang } from './format.ts';
import { html, multiline, type SafeHtml } from './html.ts';
import { paragraph } from './layout.ts';

/**
 * What the company's people, who read Russian, are told of a client who used the English form or
 * page: he should be answered in English. Only when he can be answered at all (`reachable`: he left
 * an address or a phone); null otherwise, and for a Russian client.
 * @example englishClientNote('en', true) // 'Клиент обращался на английском языке: отвечайте ему по-английски.'
 */
export function englishClientNote(lang: string | null | undefined, reachable: boolean): string | null {
  return mailLang(lang) === 'en' && reachable
    ? 'Клиент обращался на английском языке: отвечайте ему по-английски.'
    : null;
}

/** The note as a staff message's first paragraph, in bold: it decides how the reader answers. */
export function noteParagraph(note: string | null): SafeHtml | string {
  return note ? paragraph(html`<strong>${note}</strong>`) : '';
}

/**
 * What the client wrote, in a staff message: marked English when he wrote in English (WCAG 3.1.2),
 * so that a screen reader doesn't read it with the Russian message's voice. By the text itself: a
 * client of the English form who wrote in Russian, or only digits, wrote no English.
 * @example clientWords('Late again', 'en') // <span lang="en">Late again</span>
 * @example clientWords('Монтаж долгий', 'en') // 'Монтаж долгий'
 */
export function clientWords(text: string, lang: string | null | undefined): SafeHtml {
  const lines = multiline(text);
  return mailLang(lang) === 'en' && mostlyLatin(text) ? html`<span lang="en">${lines}</span>` : lines;
}
