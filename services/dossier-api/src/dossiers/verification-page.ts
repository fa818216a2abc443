import { inSentence } from '@ntm/domain';

/** What the public verification page shows of a recognition or revocation decision. */
export interface VerifiedDecision {
  number: string;
  date: string;
  unitName: string;
  trackName: string;
  year: number;
  /** Null for a registered earlier decision without a scanned copy. */
  sha256: string | null;
  recognitionStatus: 'active' | 'revoked';
  /** An earlier decision registered in the system rather than issued through it. */
  registered: boolean;
  /** A recognition decision, or the revocation decision that ended one. */
  kind: 'recognition' | 'revocation';
  /** For a revoked recognition: from when, and by which decision. */
  revokedOn: string | null;
  revocationNumber: string | null;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** dd/mm/yyyy, as Vietnamese documents write dates. */
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');

/** The recognition's standing, with the day and decision of a revocation when known. */
function status(d: VerifiedDecision): string {
  if (d.recognitionStatus === 'active') return 'Đang có hiệu lực';
  const since = d.revokedOn ? ` từ ngày ${vietnameseDate(d.revokedOn)}` : '';
  const by = d.revocationNumber ? ` theo Quyết định số ${d.revocationNumber}` : '';
  return `Việc công nhận đã bị thu hồi${since}${by}`;
}

/**
 * The page a decision's QR code opens: a citizen or an official holding the paper decision checks
 * that it exists with this number, unit and date, and that their copy's SHA-256 matches.
 */
export function renderVerificationPage(d: VerifiedDecision): string {
  const rows: Array<[string, string]> = [
    ['Số quyết định', d.number],
    ['Ngày ký', vietnameseDate(d.date)],
    ['Loại quyết định', d.kind === 'revocation' ? 'Quyết định thu hồi quyết định công nhận' : 'Quyết định công nhận'],
    ['Đơn vị được công nhận', d.unitName],
    ['Nội dung công nhận', `${d.trackName}, năm ${d.year}`],
    ['Tình trạng', status(d)],
    ...(d.registered ? [['Nguồn', 'Đăng ký từ quyết định đã ban hành trước khi tỉnh sử dụng hệ thống'] as [string, string]] : []),
    ['Mã SHA-256 của văn bản', d.sha256 ?? 'Chưa có bản quét của văn bản trong hệ thống'],
  ];
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xác thực quyết định ${escape(d.number)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.3rem; }
.ok { color: #0a6b2d; font-weight: 600; }
.revoked { color: #a40000; font-weight: 600; }
dt { font-weight: 600; margin-top: .8rem; }
dd { margin: .2rem 0 0; overflow-wrap: anywhere; }
code { font-size: .85rem; }
</style>
</head>
<body>
<h1>Xác thực quyết định ${d.kind === 'revocation' ? 'thu hồi công nhận' : 'công nhận'} đạt chuẩn nông thôn mới</h1>
<p class="${d.recognitionStatus === 'active' ? 'ok' : 'revoked'}">${
    d.kind === 'revocation'
      ? `Quyết định thu hồi này có trong hệ thống. ${escape(status(d))}.`
      : d.recognitionStatus === 'active' ? 'Quyết định này có trong hệ thống và đang có hiệu lực.' : `Quyết định này có trong hệ thống nhưng ${escape(inSentence(status(d)))}.`
  }</p>
<dl>
${rows.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${label.startsWith('Mã') && d.sha256 !== null ? `<code>${escape(value)}</code>` : escape(value)}</dd>`).join('\n')}
</dl>
${d.sha256 === null ? '' : '<p>Để kiểm tra bản văn bản đang cầm: tính mã SHA-256 của tệp PDF và so với mã trên.</p>'}
</body>
</html>
`;
}

/** True when the client prefers a page to JSON: a browser opening the QR code's link says so. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html !== -1 && (json === -1 || html < json);
}
