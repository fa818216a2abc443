/** Why a request was not authenticated; logged, never shown to the client beyond `message`. */
export type AuthenticationFailure =
  | 'not-configured'
  | 'missing-token'
  | 'malformed-token'
  | 'invalid-token'
  | 'expired-token'
  | 'unknown-issuer'
  | 'unknown-user'
  | 'disabled-user'
  | 'reused-refresh-token'
  | 'wrong-credentials';

const messages: Record<AuthenticationFailure, string> = {
  'not-configured': 'Máy chủ chưa được cấu hình nhà cung cấp định danh nên không chấp nhận phiên đăng nhập nào.',
  'missing-token': 'Yêu cầu không kèm mã truy cập (tiêu đề Authorization: Bearer).',
  'malformed-token': 'Mã truy cập không đúng định dạng.',
  'invalid-token': 'Mã truy cập không hợp lệ.',
  'expired-token': 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  'unknown-issuer': 'Mã truy cập không do nhà cung cấp định danh được chấp nhận cấp.',
  'unknown-user': 'Tài khoản không tồn tại hoặc đã bị khóa.',
  'disabled-user': 'Tài khoản không tồn tại hoặc đã bị khóa.',
  'reused-refresh-token': 'Mã làm mới đã được dùng. Vì an toàn, mọi phiên của tài khoản đã bị thu hồi; vui lòng đăng nhập lại.',
  'wrong-credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
};

/** A request that cannot be tied to a user: the HTTP layer answers 401. */
export class AuthenticationError extends Error {
  constructor(readonly reason: AuthenticationFailure) {
    super(messages[reason]);
    this.name = 'AuthenticationError';
  }
}
