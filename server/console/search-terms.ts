import { searchWords } from '../search/words.ts';

/** The shortest query searched as a substring: trigram indexes need three characters. */
export const MIN_SUBSTRING = 3;

/** A search box's text on one line: the indexed text joins its fields with newlines, and no query should span two. */
const oneLine = (q: string) =>
  q
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A search as Otklik's own letters and cards write what it looks for, without what is not stored:
 * «№ 2026-00019», «Жалоба № 2026-00019» (a subject copied from an e-mail) and «ИНН 6165456519»
 * found nothing, every word typed having to be in the message.
 * @example withoutLabels('Жалоба № 2026-00019') // '2026-00019'
 * @example withoutLabels('ИНН 6165456519') // '6165456519'
 * @example withoutLabels('ставку №5') // 'ставку №5'
 */
export function withoutLabels(q: string): string {
  const t = q.trim();
  // A registration number after «№» and perhaps its kind, as a subject line names it.
  const numbered =
    /^(?:(?:жалоба|обращение|предложение|благодарность|оценка|отзыв)\s*)?№?\s*((?:[OoОо]-)?\d{4}-\d{5})$/iu.exec(t);
  if (numbered) return numbered[1]!;
  // An ИНН after its name. Anything else as typed: «ставку №5» is text a message may hold.
  return /^ИНН:?\s*(\d{10}|\d{12})$/iu.exec(t)?.[1] ?? q;
}

/**
 * What a search box's text is looked for as: the text itself, and for something that looks
 * like a phone number its digits too (stored phones are E.164, `+79515113523`, while people
 * type «8 (951) 511-35-23», or its start «8 951 511»), and a rating's number typed with a Latin O
 * with the Cyrillic one.
 * Control characters are dropped.
 */
export function searchTerms(q: string): string[] {
  const text = oneLine(q);
  if (!text) return [];
  const terms = [text];
  // A rating's number begins with a Cyrillic «О» (`О-2026-00007`), which a client reading it out
  // or typing it back, and a keyboard in English, make a Latin O.
  if (/^[Oo]-\d{4}-\d/.test(text)) terms.push(`О${text.slice(1)}`);
  if (/^[\d\s()+-]+$/.test(text)) {
    let digits = text.replace(/\D/g, '');
    if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
    if (digits.length >= MIN_SUBSTRING && digits !== text) terms.push(digits);
    // The start of a number dictated with the trunk «8» («8 951 511»): the stored number's start,
    // `+7951511`; only with the 8 set apart, so that «8951» is not also read as «7951».
    if (/^8[\s(-]/.test(text) && digits.length >= 4 && digits.length < 11) terms.push(`+7${digits.slice(1)}`);
  }
  return terms;
}

/** How many «е» of a substring are each tried as «ё»: a name has one ё at most, a phrase more «е». */
const YO_TRIED = 8;

/**
 * A substring as it may be stored with or without «ё» (README: the search reads ё as е): the
 * word index folds it, the trigram index keeps the text as typed, so «Журавле» missed every
 * «Журавлёва». Its «ё» as «е», and each of its first «е» as «ё», one at a time.
 * @example yoVariants('Журавле') // ['Журавле', 'Журавлё']
 * @example yoVariants('Фёдоров') // ['Фёдоров', 'Федоров']
 */
export function yoVariants(term: string): string[] {
  const variants = new Set([term, term.replace(/ё/g, 'е').replace(/Ё/g, 'Е')]);
  const chars = [...term];
  let tried = 0;
  for (const [i, c] of chars.entries()) {
    if (c !== 'е' && c !== 'Е') continue;
    if (++tried > YO_TRIED) break;
    variants.add([...chars.slice(0, i), c === 'е' ? 'ё' : 'Ё', ...chars.slice(i + 1)].join(''));
  }
  return [...variants];
}

/** A search's two halves: substrings for the trigram index (three characters or more), words for the word index. */
export function parseSearch(q: string) {
  const text = oneLine(withoutLabels(q));
  return {
    text,
    substrings: searchTerms(text)
      .flatMap(yoVariants)
      .filter((t) => [...t].length >= MIN_SUBSTRING),
    words: searchWords(text),
  };
}

export type ParsedSearch = ReturnType<typeof parseSearch>;

/**
 * A whole registration number typed as the search (a message's `2026-00004`, a rating's
 * `О-2026-00004`, its О Latin or Cyrillic), as stored; null for any other text. The inbox finds
 * that one submission: as a substring, `2026-00004` found the newer rating `О-2026-00004` first.
 * @example wholeNumber(' o-2026-00004 ') // 'О-2026-00004'
 */
export function wholeNumber(q: string): string | null {
  const m = /^(?:([OoОо])-)?(\d{4}-\d{5})$/.exec(withoutLabels(q));
  return m ? `${m[1] ? 'О-' : ''}${m[2]}` : null;
}
