/**
 * Where a field error of an import or a form points, as a person reads it: a CSV row and column
 * ("Dòng 5, cột name", the header being row 1) or a catalog file's section, item and field
 * ("units, mục 5, parentCode"; items counted from 1). The whole file or body: an empty string.
 */
export function problemPlace(location: string): string {
  const parts = location.split('.');
  if (parts[0] === 'body') parts.shift();
  if (parts.length === 0) return '';
  if (parts[0] === 'header' && parts.length === 1) return 'Dòng tiêu đề';
  if (parts[0] === 'rows' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const column = parts.slice(2).join('.');
    return column === '' ? `Dòng ${parts[1]}` : `Dòng ${parts[1]}, cột ${column}`;
  }
  return parts.map((p) => (/^\d+$/.test(p) ? `mục ${Number(p) + 1}` : p)).join(', ');
}
