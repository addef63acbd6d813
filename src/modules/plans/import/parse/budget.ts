import { fold } from '../../../../shared/text/fold';

/** Funding sources a budget section names; the Vietnamese label beside each key. */
export const BUDGET_SOURCES = {
  state_budget: { vi: 'Dự toán ngân sách được giao', en: 'Allocated state budget' },
  central_support: { vi: 'Hỗ trợ từ Trung ương', en: 'Central government support' },
  socialisation: { vi: 'Xã hội hóa', en: 'Socialisation' },
  contributions: { vi: 'Đóng góp của doanh nghiệp, tổ chức', en: 'Business and organisation contributions' },
  sponsorship: { vi: 'Tài trợ, viện trợ', en: 'Sponsorship and aid' },
  other_lawful: { vi: 'Các nguồn hợp pháp khác', en: 'Other lawful sources' },
} as const;
export type BudgetSource = keyof typeof BUDGET_SOURCES;

const RULES: Array<[BudgetSource, RegExp]> = [
  ['state_budget', /du toan|ngan sach (nha nuoc|dia phuong|tinh|huyen|cap)|nguon ngan sach|ngan sach (nam|duoc giao)/],
  ['central_support', /trung uong/],
  ['socialisation', /xa hoi hoa/],
  ['contributions', /dong gop|doanh nghiep|to chuc xa hoi/],
  ['sponsorship', /tai tro|vien tro/],
  ['other_lawful', /(nguon|von) hop phap|hop phap khac/],
];

export function budgetSources(text: string): BudgetSource[] {
  const f = fold(text);
  return RULES.filter(([, re]) => re.test(f)).map(([k]) => k);
}
