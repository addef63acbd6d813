/**
 * User-facing messages of the plans module, keyed by error or warning code.
 * `{name}` placeholders are filled from the error's details (see fillMessage).
 */
export const messages = {
  vi: {
    'plan.not_found': 'Không tìm thấy kế hoạch.',
    'plan.forbidden': 'Bạn không có quyền xem hoặc sửa kế hoạch này.',
    'plan.locked': 'Kế hoạch đã ban hành hoặc đã kết thúc nên không sửa được. Hãy chuyển về dự thảo trước.',
    'plan.version_conflict': 'Kế hoạch vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.',
    'plan.bad_transition': 'Không thể chuyển kế hoạch từ trạng thái "{from}" sang "{to}".',
    'plan.task_not_found': 'Không tìm thấy nhiệm vụ.',
    'plan.task_version_conflict': 'Nhiệm vụ vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.',
    'plan.task_move_cycle': 'Không thể chuyển nhiệm vụ vào trong chính nó.',
    'plan.task_code_duplicate': 'Số thứ tự nhiệm vụ {code} bị lặp.',
    'plan.task_parent_missing': 'Nhiệm vụ {code} thuộc nhiệm vụ {parent} nhưng không có nhiệm vụ {parent}.',
    'plan.sub_of_sub': 'Chỉ lập kế hoạch của đơn vị từ kế hoạch của tỉnh.',
    'plan.not_issued': 'Kế hoạch chưa ban hành (chưa có số): ban hành trước rồi mới ký.',
    'plan.no_issuer': 'Kế hoạch chưa có cơ quan ban hành và danh bạ chưa có UBND tỉnh: không có sổ đăng ký để cấp số.',
    'plan.no_tasks_for_org': '{org} không chủ trì, tham mưu hay phối hợp nhiệm vụ nào trong kế hoạch này.',
    'plan.file_empty': 'Tệp rỗng: không có nội dung để nhập.',
    'plan.file_too_large': 'Tệp quá lớn ({sizeMb} MB); chỉ nhận tệp tối đa {maxMb} MB.',
    'plan.file_unsupported':
      'Không nhận loại tệp này ({detected}). Hãy tải lên văn bản .docx, .doc, .odt, .pdf, ảnh quét (.png, .jpg, .tif), .md hoặc .txt.',
    'plan.file_corrupt': 'Tệp bị hỏng hoặc không đọc được ({reason}).',
    'plan.file_zip_bomb': 'Tệp bị từ chối vì dung lượng khi giải nén bất thường ({reason}).',
    'plan.file_too_complex':
      'Tệp "{filename}" quá phức tạp để đọc (vượt giới hạn thời gian hoặc bộ nhớ). Hãy lưu lại văn bản gọn hơn hoặc chia thành nhiều tệp.',
    'plan.file_too_many_paragraphs':
      'Tệp "{filename}" có {paragraphs} đoạn văn, quá mức đọc được ({max} đoạn). Hãy kiểm tra lại tệp hoặc chia thành nhiều tệp.',
    'plan.file_no_text': 'Không tìm thấy nội dung văn bản trong tệp.',
    'plan.warn_legacy_encoding': 'Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258, hãy kiểm tra dấu tiếng Việt.',
    'plan.warn_converted': 'Tệp .{from} đã được LibreOffice chuyển sang .docx để đọc: hãy kiểm tra số thứ tự và bảng biểu.',
    'plan.warn_no_tasks': 'Không tìm thấy nhiệm vụ nào trong phần Nội dung.',
    'plan.warn_task_number_skipped': 'Số thứ tự nhiệm vụ {code} không liền mạch với nhiệm vụ trước ({previous}).',
    'plan.warn_task_orphan': 'Nhiệm vụ {code} không có nhiệm vụ cha {parent}; đã gắn vào cấp trên gần nhất.',
    'plan.warn_task_duplicate': 'Số thứ tự nhiệm vụ {code} bị lặp; dòng được giữ làm nội dung.',
    'plan.warn_time_unknown': 'Không hiểu thời gian thực hiện "{label}" của nhiệm vụ {code}.',
    'plan.warn_no_lead': 'Nhiệm vụ {code} chưa có cơ quan chủ trì.',
    'plan.warn_issuer_from_signature': 'Văn bản không có phần tên cơ quan ban hành; đã lấy theo khối chữ ký.',
    'plan.warn_kind_from_number': 'Văn bản không ghi tên loại; đã suy ra "{kind}" từ số ký hiệu {code}.',
    'plan.warn_issuer_completed': 'Tên cơ quan ban hành thiếu cấp và địa danh; đã ghi thành "{issuer}" theo văn bản, hãy kiểm tra.',
    'plan.warn_unparsed': 'Có {count} dòng chưa được nhận dạng; hãy xem danh sách "Chưa nhận dạng".',
    'plan.org_unmatched': 'Không tìm thấy "{name}" trong danh bạ cơ quan.',
    'plan.org_ambiguous': '"{name}" khớp với nhiều cơ quan; hãy chọn một.',
    'plan.org_successor': '{from} (đến {validTo}) → {to}',
    'plan.as_of_invalid': 'Ngày --as-of không hợp lệ ({value}): hãy ghi một ngày có thật dạng YYYY-MM-DD.',
    'plan.resolved_as_of': 'Cơ quan đối chiếu theo danh bạ ngày {date}.',
    'plan.org_successor_duty': '{from} (đến {validTo}) → {to}: nhiệm vụ {duty}',
    'plan.org_successor_choice': '"{name}" đã kết thúc ngày {validTo}; nhiều cơ quan tiếp nhận nhiệm vụ, hãy chọn một.',
    'plan.org_ended': '"{name}" đã kết thúc ngày {validTo} và không có cơ quan tiếp nhận trong danh bạ.',
  },
  en: {
    'plan.not_found': 'Plan not found.',
    'plan.forbidden': 'You may not see or change this plan.',
    'plan.locked': 'The plan is issued or closed and cannot be edited. Return it to draft first.',
    'plan.version_conflict': 'Someone else has just changed this plan. Reload, then edit again.',
    'plan.bad_transition': 'The plan cannot go from "{from}" to "{to}".',
    'plan.task_not_found': 'Task not found.',
    'plan.task_version_conflict': 'Someone else has just changed this task. Reload, then edit again.',
    'plan.task_move_cycle': 'A task cannot be moved inside itself.',
    'plan.task_code_duplicate': 'Task number {code} is repeated.',
    'plan.task_parent_missing': 'Task {code} belongs to task {parent}, which does not exist.',
    'plan.sub_of_sub': "An organisation's plan is made from the provincial plan only.",
    'plan.not_issued': 'The plan has not been issued (no number yet): issue it before signing.',
    'plan.no_issuer':
      'The plan has no issuing organisation and the directory has no provincial committee: there is no register to number it.',
    'plan.no_tasks_for_org': '{org} has no role in any task of this plan.',
    'plan.file_empty': 'The file is empty: there is nothing to import.',
    'plan.file_too_large': 'The file is too large ({sizeMb} MB); the limit is {maxMb} MB.',
    'plan.file_unsupported':
      'This kind of file is not accepted ({detected}). Upload a .docx, .doc, .odt, .pdf, scanned image (.png, .jpg, .tif), .md or .txt document.',
    'plan.file_corrupt': 'The file is damaged or unreadable ({reason}).',
    'plan.file_zip_bomb': 'The file was refused: its uncompressed size is abnormal ({reason}).',
    'plan.file_too_complex':
      'The file "{filename}" is too complex to read (time or memory limit). Save a simpler document or split it into several files.',
    'plan.file_too_many_paragraphs':
      'The file "{filename}" has {paragraphs} paragraphs, more than can be read ({max}). Check the file or split it.',
    'plan.file_no_text': 'No document text was found in the file.',
    'plan.warn_legacy_encoding': 'The file is not UTF-8; it was read as Windows-1258: check the Vietnamese diacritics.',
    'plan.warn_converted': 'The .{from} file was converted to .docx by LibreOffice to be read: check the numbering and tables.',
    'plan.warn_no_tasks': 'No task was found in the Content section.',
    'plan.warn_task_number_skipped': 'Task number {code} does not follow the previous task ({previous}).',
    'plan.warn_task_orphan': 'Task {code} has no parent task {parent}; it was attached to the nearest level above.',
    'plan.warn_task_duplicate': 'Task number {code} is repeated; the line was kept as content.',
    'plan.warn_time_unknown': 'The time window "{label}" of task {code} was not understood.',
    'plan.warn_no_lead': 'Task {code} has no lead organisation.',
    'plan.warn_issuer_from_signature': 'The document has no issuing body block; it was taken from the signature block.',
    'plan.warn_kind_from_number': 'The document does not name its kind; "{kind}" was inferred from its code {code}.',
    'plan.warn_issuer_completed': 'The issuing body lacked its level and place; it was completed as "{issuer}" from the text: check it.',
    'plan.warn_unparsed': '{count} lines were not recognised; see the "Not recognised" list.',
    'plan.org_unmatched': '"{name}" was not found in the organisation directory.',
    'plan.org_ambiguous': '"{name}" matches several organisations; pick one.',
    'plan.org_successor': '{from} (until {validTo}) → {to}',
    'plan.as_of_invalid': 'Invalid --as-of date ({value}): write a real date as YYYY-MM-DD.',
    'plan.resolved_as_of': 'Organisations matched against the directory as of {date}.',
    'plan.org_successor_duty': '{from} (until {validTo}) → {to}: {duty} duties',
    'plan.org_successor_choice': '"{name}" ended on {validTo}; several bodies took over its duties, pick one.',
    'plan.org_ended': '"{name}" ended on {validTo} and no successor is in the directory.',
  },
} as const satisfies Record<'vi' | 'en', Record<string, string>>;

export type PlanMessageCode = keyof typeof messages.vi;

/** Fills `{name}` placeholders from details; unknown placeholders are left as written. */
export function fillMessage(code: string, details: Record<string, unknown> = {}, lang: 'vi' | 'en' = 'vi'): string {
  const table = messages[lang] as Record<string, string>;
  const template = table[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    details[key] === undefined || details[key] === null ? whole : String(details[key]),
  );
}
