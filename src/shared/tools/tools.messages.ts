/** Messages of the external tools (src/shared/tools). */
export const messages = {
  vi: {
    'tool.missing': 'Chưa cài {tool} nên không đọc được tệp {filename}: cài gói {packages} trên máy chủ rồi thử lại.',
    'tool.timeout': '{tool} chạy quá {seconds} giây khi đọc tệp {filename} (trang {page}) nên đã dừng.',
    'tool.failed': '{tool} không đọc được tệp {filename} (trang {page}): {reason}',
    'tool.cancelled': 'Đã hủy việc đọc tệp {filename}.',
  },
  en: {
    'tool.missing': '{tool} is not installed, so {filename} cannot be read: install the package {packages} on the server, then try again.',
    'tool.timeout': '{tool} ran for more than {seconds} seconds on {filename} (page {page}) and was stopped.',
    'tool.failed': '{tool} could not read {filename} (page {page}): {reason}',
    'tool.cancelled': 'Reading {filename} was cancelled.',
  },
};
