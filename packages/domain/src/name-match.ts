/**
 * Matching a unit name as a document or a spreadsheet writes it against the official name.
 * Documents spell names differently from the official list in known ways: the tone mark placed on
 * another vowel (old and new style, "hóa"/"hoá", "thủy"/"thuỷ"), i for y ("Ma Li Pho"/"Ma Ly Pho"),
 * no diacritics at all (typed on a plain keyboard), or one syllable's tone mark dropped, added or
 * changed ("Mường Te"). The first three are the same name written another way; the last is probably
 * the same unit but could be another, so it is reported as unsure.
 */
export const NameMatchQuality = { exact: 'exact', variant: 'variant', approximate: 'approximate' } as const;
export type NameMatchQuality = (typeof NameMatchQuality)[keyof typeof NameMatchQuality];

/** How sure each quality is: only an approximate match needs a person to confirm it. */
export const isUnsureMatch = (quality: NameMatchQuality) => quality === NameMatchQuality.approximate;

// The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters; the vowel marks (ă â ê ô ơ ư) are letters' own.
const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/gu;

type Syllable = { written: string; base: string; tone: string; plain: string };

function syllable(word: string): Syllable {
  const lower = word.normalize('NFC').toLowerCase();
  const decomposed = lower.normalize('NFD');
  const tone = (decomposed.match(toneMarks) ?? []).join('');
  const base = decomposed.replace(toneMarks, '').normalize('NFC');
  const plain = base.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  return { written: lower, base, tone, plain };
}

const words = (text: string) => text.normalize('NFC').split(/[\s,.;:()"'\u2013\u2014-]+/u).filter((w) => w !== '').map(syllable);
const iy = (s: string) => s.replaceAll('y', 'i').replaceAll('ý', 'í').replaceAll('ỳ', 'ì').replaceAll('ỹ', 'ĩ').replaceAll('ỷ', 'ỉ').replaceAll('ỵ', 'ị');
const hasDiacritics = (text: string) => /[^\p{ASCII}]/u.test(text.normalize('NFC'));

/** A name folded so that every spelling this module accepts agrees: no diacritics, i for y. */
export function looseName(text: string): string {
  return words(text).map((w) => iy(w.plain)).join(' ');
}

type SyllableMatch = 'same' | 'variant' | 'tone' | 'none';

function compare(q: Syllable, n: Syllable, plainQuery: boolean, prefix: boolean): SyllableMatch {
  const fits = (a: string, b: string) => (prefix ? b.startsWith(a) : a === b);
  if (fits(q.written, n.written)) return 'same';
  if (plainQuery) return fits(iy(q.plain), iy(n.plain)) ? 'variant' : 'none';
  if (!fits(iy(q.base), iy(n.base))) return 'none';
  if (prefix && q.base.length < n.base.length) return q.tone === '' || q.tone === n.tone ? 'variant' : 'tone';
  return q.tone === n.tone ? 'variant' : 'tone';
}

/**
 * How well a query (a whole name or the start of one, words in order) matches a unit's name, or
 * null when it does not. The query's words must be consecutive words of the name; the last may be
 * the start of a word ("son bi" while typing). At most one word may differ by its tone mark.
 */
export function matchUnitName(query: string, name: string): NameMatchQuality | null {
  const q = words(query);
  const n = words(name);
  if (q.length === 0 || q.length > n.length) return null;
  const plainQuery = !hasDiacritics(query);
  let best: NameMatchQuality | null = null;
  for (let start = 0; start + q.length <= n.length; start++) {
    const results = q.map((w, i) => compare(w, n[start + i] as Syllable, plainQuery, i === q.length - 1));
    if (results.includes('none')) continue;
    const tones = results.filter((r) => r === 'tone').length;
    const quality = tones > 1 ? null : tones === 1 ? NameMatchQuality.approximate : results.every((r) => r === 'same') ? NameMatchQuality.exact : NameMatchQuality.variant;
    if (quality !== null && rank(quality) > rank(best)) best = quality;
  }
  return best;
}

const rank = (q: NameMatchQuality | null) => (q === null ? 0 : q === NameMatchQuality.approximate ? 1 : q === NameMatchQuality.variant ? 2 : 3);

/** Orders matches best first: exact, then variant, then approximate. */
export const byMatchQuality = (a: NameMatchQuality, b: NameMatchQuality) => rank(b) - rank(a);
