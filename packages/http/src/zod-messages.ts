import { z } from 'zod';

/*
 * Vietnamese messages for zod's issues, used for every zod schema of the process. zod 4 ships a
 * Vietnamese locale (`z.locales.vi()`), but it leaves the type names in English ("mong đợi string,
 * nhận được number"), so the messages people read are written here. Messages a schema gives itself
 * (`.refine(…, { message })`, `.regex(…, '…')`) still win over these.
 */

type Issue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'giá trị đúng/sai (true/false)',
  object: 'đối tượng JSON',
  array: 'danh sách',
  date: 'ngày',
  null: 'null',
  undefined: 'không có giá trị',
  nan: 'NaN',
  record: 'đối tượng JSON',
  tuple: 'danh sách',
};

const formatNames: Record<string, string> = {
  uuid: 'mã UUID',
  guid: 'mã UUID',
  email: 'địa chỉ email',
  url: 'địa chỉ URL',
  date: 'ngày dạng YYYY-MM-DD',
  datetime: 'thời điểm ISO 8601',
  time: 'giờ dạng HH:MM[:SS]',
  duration: 'khoảng thời gian ISO 8601',
  ipv4: 'địa chỉ IPv4',
  ipv6: 'địa chỉ IPv6',
  base64: 'chuỗi base64',
  base64url: 'chuỗi base64url',
  jwt: 'mã JWT',
  json_string: 'chuỗi JSON',
};

const typeName = (t: string) => typeNames[t] ?? t;

function receivedName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return typeNames.array ?? 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  return typeName(typeof input);
}

const value = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  const strictly = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      return min <= 1 && !strictly ? 'không được để trống' : `cần ${issue.exact ? 'đúng' : 'ít nhất'} ${strictly ? min + 1 : min} ký tự`;
    case 'array':
    case 'set':
      return min <= 1 && !strictly ? 'cần ít nhất một phần tử' : `cần ${issue.exact ? 'đúng' : 'ít nhất'} ${strictly ? min + 1 : min} phần tử`;
    case 'date':
      return `không được trước ${new Date(min).toISOString().slice(0, 10)}`;
    default:
      return `phải ${strictly ? 'lớn hơn' : 'lớn hơn hoặc bằng'} ${issue.minimum.toString()}`;
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum);
  const strictly = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      return `${issue.exact ? 'cần đúng' : 'dài tối đa'} ${strictly ? max - 1 : max} ký tự`;
    case 'array':
    case 'set':
      return `${issue.exact ? 'cần đúng' : 'tối đa'} ${strictly ? max - 1 : max} phần tử`;
    case 'date':
      return `không được sau ${new Date(max).toISOString().slice(0, 10)}`;
    default:
      return `phải ${strictly ? 'nhỏ hơn' : 'nhỏ hơn hoặc bằng'} ${issue.maximum.toString()}`;
  }
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  switch (issue.format) {
    case 'regex':
      return 'không đúng định dạng';
    case 'starts_with':
      return `phải bắt đầu bằng "${String(issue.prefix)}"`;
    case 'ends_with':
      return `phải kết thúc bằng "${String(issue.suffix)}"`;
    case 'includes':
      return `phải chứa "${String(issue.includes)}"`;
    default:
      return `không phải ${formatNames[issue.format] ?? `định dạng ${issue.format}`} hợp lệ`;
  }
}

/** The Vietnamese message of one zod issue. */
export function vietnameseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `bắt buộc (cần ${typeName(issue.expected)})`;
      return `cần ${typeName(issue.expected)}, nhận được ${receivedName(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `phải là ${value(issue.values[0])}` : `phải là một trong các giá trị: ${issue.values.map(value).join(', ')}`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return `phải là bội số của ${issue.divisor}`;
    case 'unrecognized_keys':
      return `trường không được chấp nhận: ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'có khóa không hợp lệ';
    case 'invalid_element':
      return 'có phần tử không hợp lệ';
    case 'invalid_union':
      return issue.discriminator ? `giá trị của "${issue.discriminator}" không hợp lệ` : 'không khớp với dạng dữ liệu nào được chấp nhận';
    case 'custom':
      return 'không hợp lệ';
    default:
      return 'không hợp lệ';
  }
}

/** Makes zod answer in Vietnamese everywhere in this process (its lowest-priority, locale map). */
export function useVietnameseZodMessages(): void {
  z.config({ localeError: (issue) => vietnameseIssueMessage(issue) });
}

/** A field error for a field the schema does not know, named by its location. */
export const unknownFieldMessage = 'trường này không được chấp nhận (không có trong lược đồ)';
