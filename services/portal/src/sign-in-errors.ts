/**
 * Why a sign-in through the province's provider ended on the sign-in page: the code travels in
 * the address (`/dang-nhap?loi=<code>`), the page shows the text. One list for the server and the page.
 */
export const signInErrors = {
  'tu-choi': 'Bạn đã không đồng ý cho hệ thống dùng tài khoản của tỉnh, nên chưa đăng nhập.',
  'het-han': 'Lượt đăng nhập qua tài khoản của tỉnh đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.',
  'khong-khop': 'Lượt đăng nhập không khớp với yêu cầu của trình duyệt này, nên đã bị từ chối. Vui lòng đăng nhập lại.',
  'chua-cap-quyen': 'Tài khoản của tỉnh này chưa được cấp quyền trong hệ thống hồ sơ nông thôn mới. Vui lòng liên hệ quản trị hệ thống.',
  'mat-ket-noi': 'Không kết nối được dịch vụ đăng nhập của tỉnh. Vui lòng thử lại sau ít phút.',
  'that-bai': 'Đăng nhập qua tài khoản của tỉnh không thành công. Vui lòng thử lại.',
} as const;

export type SignInError = keyof typeof signInErrors;

export function signInErrorText(code: string | null): string | null {
  return code !== null && Object.hasOwn(signInErrors, code) ? signInErrors[code as SignInError] : null;
}
