/**
 * `ru` for a text written in Cyrillic, else nothing: a widget in English shows the company's own
 * data (an employee's name, a client's review) as it was written, and a screen reader told the
 * page is English read «Иванов» with English rules (WCAG 3.1.2, language of parts). In a Russian
 * widget it only repeats the widget's own `lang`.
 * @example <b lang={textLang(review.author)}>{review.author}</b>
 */
export const textLang = (text: string | null | undefined): 'ru' | undefined =>
  text && /[а-яё]/i.test(text) ? 'ru' : undefined;
