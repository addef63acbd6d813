/** User-facing messages of the press-monitoring module, keyed by stable error code. */
export const messages = {
  vi: {
    'press.fetch_timeout': 'Nguồn tin {url} không phản hồi sau {timeoutMs} ms.',
    'press.fetch_too_large': 'Nội dung tải về từ {url} vượt quá giới hạn {maxBytes} byte.',
    'press.fetch_blocked_address': 'Không được phép truy cập địa chỉ {host} ({address}): địa chỉ nội bộ hoặc riêng.',
    'press.fetch_http_error': 'Nguồn tin {url} trả về lỗi HTTP {status}.',
    'press.fetch_too_many_redirects': 'Nguồn tin {url} chuyển hướng quá {max} lần.',
    'press.fetch_invalid_url': 'Địa chỉ nguồn tin không hợp lệ: {url}.',
    'press.fetch_network_error': 'Không kết nối được tới {url}: {reason}.',
    'press.fetch_dns_error': 'Không phân giải được tên miền {host}.',
    'press.feed_unsafe': 'Nguồn tin chứa khai báo DOCTYPE/ENTITY không an toàn nên bị từ chối.',
    'press.feed_invalid': 'Nội dung không phải nguồn tin RSS hoặc Atom hợp lệ.',
    'press.feed_too_large': 'Nguồn tin quá lớn ({bytes} byte).',
    'press.article_empty': 'Không trích xuất được nội dung bài viết từ trang {url}.',
    'press.bulk_unsupported_type': 'Tệp {filename} không được hỗ trợ: chỉ nhận tệp .json hoặc .csv.',
    'press.bulk_invalid_file': 'Không đọc được tệp {filename}: {reason}.',
    'press.bulk_missing_columns': 'Tệp CSV thiếu cột bắt buộc: {columns}.',
    'press.bulk_too_many_rows': 'Tệp có {rows} dòng, vượt quá giới hạn {max} dòng.',
    'press.bulk_row_required': 'Dòng {row}, cột “{column}”: bắt buộc phải có giá trị.',
    'press.bulk_row_invalid_url': 'Dòng {row}, cột “{column}”: địa chỉ “{value}” không hợp lệ.',
    'press.bulk_row_invalid_date': 'Dòng {row}, cột “{column}”: ngày “{value}” không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd).',
    'press.bulk_row_invalid_language': 'Dòng {row}, cột “{column}”: ngôn ngữ “{value}” không hợp lệ (vi, en, lo hoặc để trống).',
    'press.bulk_row_too_long': 'Dòng {row}, cột “{column}”: quá dài (tối đa {max} ký tự).',
    'press.bulk_row_not_object': 'Phần tử {row}: phải là một đối tượng JSON.',
  },
  en: {
    'press.fetch_timeout': 'The source {url} did not answer within {timeoutMs} ms.',
    'press.fetch_too_large': 'The content from {url} exceeds the limit of {maxBytes} bytes.',
    'press.fetch_blocked_address': 'Access to {host} ({address}) is not allowed: internal or private address.',
    'press.fetch_http_error': 'The source {url} answered with HTTP error {status}.',
    'press.fetch_too_many_redirects': 'The source {url} redirected more than {max} times.',
    'press.fetch_invalid_url': 'Invalid source address: {url}.',
    'press.fetch_network_error': 'Could not connect to {url}: {reason}.',
    'press.fetch_dns_error': 'Could not resolve the host name {host}.',
    'press.feed_unsafe': 'The feed contains an unsafe DOCTYPE/ENTITY declaration and was refused.',
    'press.feed_invalid': 'The content is not a valid RSS or Atom feed.',
    'press.feed_too_large': 'The feed is too large ({bytes} bytes).',
    'press.article_empty': 'No article text could be extracted from {url}.',
    'press.bulk_unsupported_type': 'The file {filename} is not supported: only .json and .csv files are accepted.',
    'press.bulk_invalid_file': 'The file {filename} could not be read: {reason}.',
    'press.bulk_missing_columns': 'The CSV file lacks required columns: {columns}.',
    'press.bulk_too_many_rows': 'The file has {rows} rows, more than the limit of {max}.',
    'press.bulk_row_required': 'Row {row}, column “{column}”: a value is required.',
    'press.bulk_row_invalid_url': 'Row {row}, column “{column}”: “{value}” is not a valid address.',
    'press.bulk_row_invalid_date': 'Row {row}, column “{column}”: “{value}” is not a valid date (use dd/mm/yyyy or yyyy-mm-dd).',
    'press.bulk_row_invalid_language': 'Row {row}, column “{column}”: “{value}” is not a valid language (vi, en, lo or empty).',
    'press.bulk_row_too_long': 'Row {row}, column “{column}”: too long (at most {max} characters).',
    'press.bulk_row_not_object': 'Item {row}: must be a JSON object.',
  },
} as const;

export type PressMessageCode = keyof typeof messages.vi;

/** Fill `{placeholder}`s from details (for row errors built here; the server does the same for AppErrors). */
export function formatMessage(code: PressMessageCode, details: Record<string, unknown> = {}, lang: 'vi' | 'en' = 'vi'): string {
  return messages[lang][code].replace(/\{(\w+)\}/g, (m, k: string) => (k in details ? String(details[k]) : m));
}
