// Text folding for instant search: lower case, accents removed, so "sean"
// finds "Seán" and "lukasz" finds "Łukasz". Applied once to each account when
// it arrives and once to each query, never per row per keystroke.

/** Letters that carry no combining mark to strip, so NFD alone would keep them. */
const standalone: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const standalonePattern = /[łøæœßđðþı]/g;
const combiningMarks = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex
const asciiOnly = /^[\x00-\x7f]*$/;

export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (asciiOnly.test(lower)) return lower;
  return lower.normalize('NFD').replace(combiningMarks, '').replace(standalonePattern, (letter) => standalone[letter] ?? letter);
}

/** A query as the terms every matching account must contain (in any order). */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}
