/**
 * Texts a department's sub-plan is drafted with (the organisation edits them afterwards):
 * its role words, budget and implementation sections, recipients.
 */
export const messages = {
  vi: {
    'plans.sub.role_note': 'Vai trò trong kế hoạch của tỉnh',
    'plans.sub.role.lead': 'chủ trì',
    'plans.sub.role.advisory': 'tham mưu',
    'plans.sub.role.coordinating': 'phối hợp',
    'plans.sub.budget':
      'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách được giao hằng năm của {org} và các nguồn kinh phí hợp pháp khác theo quy định.',
    'plans.sub.impl.units':
      'Các phòng, đơn vị thuộc {org} căn cứ nhiệm vụ được phân công tại Kế hoạch này chủ động triển khai thực hiện, bảo đảm chất lượng, đúng tiến độ.',
    'plans.sub.impl.focal':
      'Văn phòng {short} là đầu mối theo dõi, đôn đốc, tổng hợp kết quả thực hiện, tham mưu Lãnh đạo {short} báo cáo {to} theo quy định.',
    'plans.sub.impl.issues':
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị kịp thời báo cáo Lãnh đạo {short} để xem xét, giải quyết.',
    'plans.sub.to_province': 'UBND tỉnh',
    'plans.sub.recipient.province': 'UBND tỉnh (b/c)',
    'plans.sub.recipient.secretariat': '{org} (b/c)',
    'plans.sub.recipient.leaders': 'Lãnh đạo {short}',
    'plans.sub.recipient.units': 'Các phòng, đơn vị thuộc {short}',
    'plans.sub.recipient.archive': 'Lưu: VT',
    'plans.sub.title': '{title} của {org}',
  },
  en: {
    'plans.sub.role_note': "Role in the province's plan",
    'plans.sub.role.lead': 'lead',
    'plans.sub.role.advisory': 'advisory',
    'plans.sub.role.coordinating': 'coordinating',
    'plans.sub.budget': "The plan is funded from {org}'s yearly budget and other lawful sources.",
    'plans.sub.impl.units': "{org}'s divisions and units carry out the tasks given to them in this plan, on time and well.",
    'plans.sub.impl.focal': "{short}'s office follows the plan, chases and gathers results, and prepares {short}'s reports to {to}.",
    'plans.sub.impl.issues': "Divisions and units report any difficulty to {short}'s leaders promptly.",
    'plans.sub.to_province': "the Provincial People's Committee",
    'plans.sub.recipient.province': "Provincial People's Committee (for report)",
    'plans.sub.recipient.secretariat': '{org} (for report)',
    'plans.sub.recipient.leaders': "{short}'s leaders",
    'plans.sub.recipient.units': "{short}'s divisions and units",
    'plans.sub.recipient.archive': 'Archive: VT',
    'plans.sub.title': '{title} of {org}',
  },
};
