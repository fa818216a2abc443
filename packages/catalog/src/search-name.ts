/**
 * A name folded for search: lower case, no diacritics, single spaces, so "son binh" finds
 * "Sơn Bình". Vietnamese đ is a letter of its own, not a d with a mark, so it is mapped by hand.
 */
export function toSearchName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
