import { stemmer } from '@orama/stemmers/russian';
import { RUSSIAN_STOP_WORDS } from './stop-words.ts';

const CYRILLIC_WORD = /^[а-яё]+$/;
const TOKEN = /[\p{L}\p{N}]+/gu;

// Snowball's Russian stemmer, as PostgreSQL's `russian` configuration applies it to Cyrillic words.
// A message repeats the same few thousand words, so stems are remembered (a bounded cache).
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= 50_000) stems.clear();
    s = stemmer(word);
    stems.set(word, s);
  }
  return s;
}

/**
 * The words a text is searched by: runs of letters and digits, lower case, Russian stop words
 * dropped, Cyrillic words stemmed (Snowball, which also reads «ё» as «е»), each word once, in
 * order of first appearance. Other words (Latin, digits, «1с») stay as written, lower case. An
 * index and a query both go through it, so «Ивана» finds «Иван» and «жалобы» finds «жалоба».
 * @example searchWords('Жалоба на 1С от Ивана') // ['жалоб', '1с', 'ива']
 */
export function searchWords(text: string): string[] {
  const seen = new Set<string>();
  for (const [token] of text.normalize('NFC').toLowerCase().matchAll(TOKEN)) {
    if (RUSSIAN_STOP_WORDS.has(token)) continue;
    seen.add(CYRILLIC_WORD.test(token) ? stem(token) : token);
  }
  return [...seen];
}
