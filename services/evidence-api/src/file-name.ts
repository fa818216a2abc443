/** The longest file name kept, in characters (code points). */
export const maxFileNameLength = 255;
// Extensions longer than this are not treated as extensions when a name is shortened.
const maxExtensionLength = 16;
// C0 and C1 control characters and DEL: PostgreSQL refuses NUL, and none belongs in a name people read.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/u;

export type FileNameVerdict = { ok: true; name: string } | { ok: false; reason: string };

/**
 * The name a file is recorded under: NFC-normalised (names from some systems arrive decomposed),
 * trimmed, and shortened to 255 characters keeping its extension. A name with control characters is
 * refused rather than silently changed.
 */
export function recordedFileName(raw: string): FileNameVerdict {
  const control = controlCharacter.exec(raw);
  if (control) {
    const code = `0x${(control[0].codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`;
    return { ok: false, reason: `Tên tệp có ký tự điều khiển (mã ${code}). Hãy đổi tên tệp rồi tải lên lại.` };
  }
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, reason: 'Tệp không có tên.' };
  return { ok: true, name: shorten(name) };
}

function shorten(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= maxFileNameLength) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const kept = extension.length > 1 && extension.length <= maxExtensionLength ? extension : [];
  const stem = chars.slice(0, chars.length - kept.length);
  return [...stem.slice(0, maxFileNameLength - kept.length), ...kept].join('');
}
