import { describe, expect, it } from 'vitest';
import { shiftDate, shiftYears } from './shift';

describe('moving a plan to another year', () => {
  it('moves dates by whole years, 29 February to the 28th in a common year and the end of February to its last day', () => {
    expect(shiftDate('2026-03-31', 1)).toBe('2027-03-31');
    expect(shiftDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftDate('2027-02-28', 1, true)).toBe('2028-02-29');
    expect(shiftDate('2027-02-28', 1)).toBe('2028-02-28');
    expect(shiftDate(null, 1)).toBeNull();
  });

  it("moves the plan's own years in a written window and leaves other numbers", () => {
    expect(shiftYears('Quý I/2026', 2026, 2026, 1)).toBe('Quý I/2027');
    expect(shiftYears('Cả năm 2026; giai đoạn 2021-2030; 12026 tin', 2026, 2026, 1)).toBe('Cả năm 2027; giai đoạn 2021-2030; 12026 tin');
    expect(shiftYears('2023 - 2025', 2023, 2025, 4)).toBe('2027 - 2029');
  });
});
