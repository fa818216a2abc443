import { describe, expect, it } from 'vitest';
import { renderVerificationPage, wantsHtml, type VerifiedDecision } from './verification-page.js';

const decision: VerifiedDecision = {
  number: '1234/QĐ-UBND',
  date: '2026-11-20',
  unitName: 'Xã Pha Mu',
  trackName: 'Xã đạt chuẩn nông thôn mới',
  year: 2025,
  sha256: 'ab'.repeat(32),
  recognitionStatus: 'active',
  registered: false,
  kind: 'recognition',
  revokedOn: null,
  revocationNumber: null,
};

describe('the public verification page', () => {
  it('shows the number, the date as Vietnamese documents write it, the unit, the track, the year and the SHA-256', () => {
    const page = renderVerificationPage(decision);
    expect(page).toContain('<html lang="vi">');
    for (const text of ['1234/QĐ-UBND', '20/11/2026', 'Xã Pha Mu', 'Xã đạt chuẩn nông thôn mới, năm 2025', 'ab'.repeat(32), 'đang có hiệu lực']) expect(page).toContain(text);
  });

  it('marks an earlier decision registered in the system, and one without a scanned copy', () => {
    expect(renderVerificationPage(decision)).not.toContain('Đăng ký từ quyết định đã ban hành');
    const page = renderVerificationPage({ ...decision, registered: true, sha256: null });
    expect(page).toContain('Đăng ký từ quyết định đã ban hành trước khi tỉnh sử dụng hệ thống');
    expect(page).toContain('Chưa có bản quét của văn bản trong hệ thống');
    expect(page).not.toContain('tính mã SHA-256 của tệp PDF');
  });

  it('says so when the recognition was revoked', () => {
    const page = renderVerificationPage({ ...decision, recognitionStatus: 'revoked' });
    expect(page).toContain('đã bị thu hồi');
    expect(page).not.toContain('đang có hiệu lực');
  });

  it('says from when and by which decision a recognition was revoked, and names a revocation decision as such', () => {
    const revoked = { ...decision, recognitionStatus: 'revoked' as const, revokedOn: '2027-08-15', revocationNumber: '2345/QĐ-UBND' };
    expect(renderVerificationPage(revoked)).toContain('việc công nhận đã bị thu hồi từ ngày 15/08/2027 theo Quyết định số 2345/QĐ-UBND');
    const page = renderVerificationPage({ ...revoked, kind: 'revocation', number: '2345/QĐ-UBND' });
    expect(page).toContain('Xác thực quyết định thu hồi công nhận');
    expect(page).toContain('Quyết định thu hồi quyết định công nhận');
  });

  it('escapes catalog text, so a unit name cannot inject markup', () => {
    const page = renderVerificationPage({ ...decision, unitName: '<script>alert("x")</script> & Co' });
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it('serves the page to browsers and JSON to everyone else', () => {
    expect(wantsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml('application/json, text/html')).toBe(false);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
  });
});
