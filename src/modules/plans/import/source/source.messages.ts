/** Messages of the document readers (PDF layout, OCR, LibreOffice conversion). */
export const messages = {
  vi: {
    'plan.file_encrypted': 'Tệp {filename} được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu rồi tải lên lại.',
  },
  en: {
    'plan.file_encrypted': '{filename} is password-protected and cannot be read. Remove the password and upload it again.',
  },
};
