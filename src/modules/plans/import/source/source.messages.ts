/** Messages of the document readers (PDF layout, OCR, LibreOffice conversion). */
export const messages = {
  vi: {
    'plan.needs_ocr': 'Tệp {filename} là bản quét: cần nhận dạng chữ (OCR).',
    'plan.import_progress_page': 'Trang {done}/{pages}',
    'plan.ocr_too_many_pages':
      'Tệp {filename} có {pages} trang ảnh cần nhận dạng chữ; chỉ nhận tối đa {max} trang. Hãy tách tệp hoặc gửi bản có lớp chữ.',
    'plan.warn_ocr':
      'Văn bản được đọc bằng nhận dạng chữ (OCR) từ {pages} trang ảnh, độ tin cậy trung bình {confidence}%: hãy đối chiếu kỹ với bản gốc.',
    'plan.warn_ocr_page_low': 'Trang {page}: độ tin cậy nhận dạng chữ thấp ({confidence}%); hãy kiểm tra kỹ trang này.',
    'plan.file_encrypted': 'Tệp {filename} được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu rồi tải lên lại.',
  },
  en: {
    'plan.needs_ocr': '{filename} is a scan: it needs OCR.',
    'plan.import_progress_page': 'Page {done}/{pages}',
    'plan.ocr_too_many_pages':
      '{filename} has {pages} image pages to recognise; at most {max} are accepted. Split the file or send a copy with a text layer.',
    'plan.warn_ocr':
      'The text was read by OCR from {pages} page images, mean confidence {confidence}%: check it carefully against the original.',
    'plan.warn_ocr_page_low': 'Page {page}: low OCR confidence ({confidence}%); check this page carefully.',
    'plan.file_encrypted': '{filename} is password-protected and cannot be read. Remove the password and upload it again.',
  },
};
