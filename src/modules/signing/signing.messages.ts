/** Messages of signing and verifying PDF documents. */
export const messages = {
  vi: {
    'signing.no_certificate': 'Chưa có chứng thư số của cơ quan: đặt SIGNING_P12 (tệp .p12) và SIGNING_P12_PASSWORD rồi khởi động lại.',
    'signing.p12_unreadable': 'Không mở được tệp chứng thư số (.p12): sai mật khẩu hoặc không phải tệp PKCS#12 ({reason}).',
    'signing.certificate_expired': 'Chứng thư số đã hết hạn ngày {notAfter}.',
    'signing.file_empty': 'Chưa gửi tệp PDF nào.',
    'signing.not_pdf': 'Tệp {filename} không phải PDF.',
    'signing.file_too_complex': 'Tệp {filename} quá phức tạp để kiểm tra chữ ký ({reason}).',
    'signing.status.valid': 'Chữ ký hợp lệ, văn bản không bị thay đổi',
    'signing.status.altered': 'Văn bản đã bị thay đổi sau khi ký (chữ ký không còn khớp)',
    'signing.status.unknown_signer': 'Chữ ký khớp với văn bản nhưng người ký không thuộc cơ quan cấp chứng thư được tin cậy',
    'signing.status.malformed': 'Chữ ký hỏng, không đọc được',
  },
  en: {
    'signing.no_certificate': 'No organisation certificate: set SIGNING_P12 (a .p12 file) and SIGNING_P12_PASSWORD, then restart.',
    'signing.p12_unreadable': 'The certificate file (.p12) cannot be opened: wrong password or not PKCS#12 ({reason}).',
    'signing.certificate_expired': 'The certificate expired on {notAfter}.',
    'signing.file_empty': 'No PDF was sent.',
    'signing.not_pdf': '{filename} is not a PDF.',
    'signing.file_too_complex': '{filename} is too complex to check its signatures ({reason}).',
    'signing.status.valid': 'Valid signature; the document has not changed',
    'signing.status.altered': 'The document was changed after it was signed (the signature no longer matches)',
    'signing.status.unknown_signer': 'The signature matches the document, but the signer is not from a trusted certification authority',
    'signing.status.malformed': 'The signature is damaged and cannot be read',
  },
};
