/**
 * Rewrites unit codes in text: each code named in a mapping, and each code built on one (a
 * village, a district office, a tracking code: the old code followed by `-` and more), becomes the
 * new code. A code is a whole token (after a string escape such as `\n` too): `LCH` never matches
 * inside `LCHX` or `XLCH`, and `LCH-THU`
 * inside `LCH-THU-PMU` is rewritten as the longer code when the mapping has it. Codes listed in
 * `keep` (codes that merely start like a unit's, such as a criteria set's) stay. Running it again
 * changes nothing once no old code is left.
 */
export type CodeRenames = { renames: Readonly<Record<string, string>>; keep?: readonly string[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function codeRenamer(mapping: CodeRenames): (text: string) => string {
  const keys = Object.keys(mapping.renames);
  const keep = new Set(mapping.keep ?? []);
  if (keys.length === 0) return (text) => text;
  const heads = [...new Set(keys.map((k) => k.split('-')[0] ?? k))].sort((a, b) => b.length - a.length).map(escape);
  const token = new RegExp(`(?<=^|[^A-Za-z0-9_-]|\\\\[nrt])(?:${heads.join('|')})(?:-[A-Za-z0-9_]+)*(?![A-Za-z0-9_])`, 'g');
  const rename = (code: string): string => {
    if (keep.has(code)) return code;
    const segments = code.split('-');
    for (let n = segments.length; n > 0; n--) {
      const prefix = segments.slice(0, n).join('-');
      const target = mapping.renames[prefix];
      if (target !== undefined) return [target, ...segments.slice(n)].join('-');
    }
    return code;
  };
  return (text) => text.replace(token, rename);
}
