/**
 * Anniversary data for the calendar and for planning task 2.2 ("kỷ niệm những ngày lễ lớn …;
 * kỷ niệm năm tròn, năm chẵn trong quan hệ ngoại giao với các nước").
 *
 * SOURCE: written by the ttdn developers from general knowledge (Bộ Ngoại giao's public list of
 * countries having diplomatic relations with Việt Nam, the Bộ luật Lao động 2019 art. 112 for the
 * public holidays, and the commonly published dates of national and Quảng Trị anniversaries).
 * It was NOT copied from an official register. EVERY DATE MUST BE CHECKED against the Ministry of
 * Foreign Affairs (mofa.gov.vn, "Danh sách các nước có quan hệ ngoại giao với Việt Nam") and the
 * province's own list before a plan relies on it. Lunar-calendar days are given by their lunar date.
 * Edit this file to correct or extend the list; nothing else needs to change.
 */
export const ANNIVERSARY_SOURCE = {
  vi: 'Dữ liệu do nhóm phát triển tự biên soạn từ nguồn công khai (danh sách quan hệ ngoại giao của Bộ Ngoại giao, Bộ luật Lao động 2019 điều 112); chưa đối chiếu văn bản chính thức — cần kiểm tra lại từng ngày trước khi sử dụng.',
  en: 'Compiled by the developers from public knowledge (Ministry of Foreign Affairs list of diplomatic relations, Labour Code 2019 art. 112); not checked against an official register — verify every date before use.',
};

/** Fixed-date holidays and anniversaries: month, day, and the year of the event (round years every 5). */
export const FIXED_DAYS: { month: number; day: number; since: number | null; vi: string; en: string; holiday: boolean; local?: boolean }[] =
  [
    { month: 1, day: 1, since: null, vi: 'Tết Dương lịch', en: "New Year's Day", holiday: true },
    {
      month: 2,
      day: 3,
      since: 1930,
      vi: 'Ngày thành lập Đảng Cộng sản Việt Nam',
      en: 'Founding of the Communist Party of Việt Nam',
      holiday: false,
    },
    {
      month: 3,
      day: 3,
      since: 1959,
      vi: 'Ngày truyền thống Bộ đội Biên phòng, Ngày Biên phòng toàn dân',
      en: 'Border Guard Day',
      holiday: false,
    },
    { month: 4, day: 30, since: 1975, vi: 'Ngày Giải phóng miền Nam, thống nhất đất nước', en: 'Reunification Day', holiday: true },
    { month: 5, day: 1, since: null, vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day', holiday: true },
    {
      month: 5,
      day: 1,
      since: 1972,
      vi: 'Ngày Giải phóng hoàn toàn tỉnh Quảng Trị',
      en: 'Liberation of Quảng Trị province',
      holiday: false,
      local: true,
    },
    { month: 5, day: 7, since: 1954, vi: 'Chiến thắng Điện Biên Phủ', en: 'Điện Biên Phủ victory', holiday: false },
    { month: 5, day: 19, since: 1890, vi: 'Ngày sinh Chủ tịch Hồ Chí Minh', en: "President Hồ Chí Minh's birthday", holiday: false },
    { month: 6, day: 21, since: 1925, vi: 'Ngày Báo chí cách mạng Việt Nam', en: 'Vietnamese Revolutionary Press Day', holiday: false },
    {
      month: 7,
      day: 1,
      since: 1989,
      vi: 'Ngày tái lập tỉnh Quảng Trị',
      en: 'Re-establishment of Quảng Trị province',
      holiday: false,
      local: true,
    },
    { month: 7, day: 27, since: 1947, vi: 'Ngày Thương binh - Liệt sĩ', en: "War Invalids and Martyrs' Day", holiday: false },
    { month: 8, day: 19, since: 1945, vi: 'Cách mạng Tháng Tám thành công', en: 'August Revolution', holiday: false },
    { month: 9, day: 2, since: 1945, vi: 'Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam', en: 'National Day', holiday: true },
    {
      month: 12,
      day: 22,
      since: 1944,
      vi: 'Ngày thành lập Quân đội nhân dân Việt Nam',
      en: "Founding of the Vietnam People's Army",
      holiday: false,
    },
  ];

/**
 * Lunar-calendar days, by their lunar date; the solar date of each year is computed with the
 * Vietnamese lunar calendar (UTC+7, `@dqcai/vn-lunar`), never typed by hand. `{year}` in a name is
 * replaced by the year's can chi (Tết Nguyên đán Đinh Mùi).
 */
export const LUNAR_DAYS: { lunarMonth: number; lunarDay: number; vi: string; en: string; holiday: boolean }[] = [
  { lunarMonth: 1, lunarDay: 1, vi: 'Tết Nguyên đán {year}', en: 'Lunar New Year', holiday: true },
  { lunarMonth: 3, lunarDay: 10, vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration", holiday: true },
];

/** Diplomatic relations of Việt Nam: the date relations were established (country name in Vietnamese and English). */
export const DIPLOMATIC_RELATIONS: { date: string; vi: string; en: string }[] = [
  { date: '1950-01-18', vi: 'Trung Quốc', en: 'China' },
  { date: '1950-01-30', vi: 'Liên bang Nga (Liên Xô)', en: 'Russia (Soviet Union)' },
  { date: '1950-01-31', vi: 'Triều Tiên', en: 'DPR Korea' },
  { date: '1950-02-02', vi: 'Cộng hòa Séc (Tiệp Khắc)', en: 'Czech Republic (Czechoslovakia)' },
  { date: '1950-02-03', vi: 'Hungary', en: 'Hungary' },
  { date: '1950-02-03', vi: 'Romania', en: 'Romania' },
  { date: '1950-02-04', vi: 'Ba Lan', en: 'Poland' },
  { date: '1950-02-08', vi: 'Bulgaria', en: 'Bulgaria' },
  { date: '1954-11-17', vi: 'Mông Cổ', en: 'Mongolia' },
  { date: '1955-12-30', vi: 'Indonesia', en: 'Indonesia' },
  { date: '1960-12-02', vi: 'Cuba', en: 'Cuba' },
  { date: '1962-09-05', vi: 'Lào', en: 'Laos' },
  { date: '1962-10-28', vi: 'Algeria', en: 'Algeria' },
  { date: '1963-09-01', vi: 'Ai Cập', en: 'Egypt' },
  { date: '1967-06-24', vi: 'Campuchia', en: 'Cambodia' },
  { date: '1969-01-11', vi: 'Thụy Điển', en: 'Sweden' },
  { date: '1970-07-21', vi: 'Sri Lanka', en: 'Sri Lanka' },
  { date: '1971-03-25', vi: 'Chile', en: 'Chile' },
  { date: '1971-10-11', vi: 'Thụy Sĩ', en: 'Switzerland' },
  { date: '1971-11-25', vi: 'Đan Mạch', en: 'Denmark' },
  { date: '1971-11-25', vi: 'Na Uy', en: 'Norway' },
  { date: '1972-01-07', vi: 'Ấn Độ', en: 'India' },
  { date: '1972-11-08', vi: 'Pakistan', en: 'Pakistan' },
  { date: '1972-12-01', vi: 'Áo', en: 'Austria' },
  { date: '1973-01-25', vi: 'Phần Lan', en: 'Finland' },
  { date: '1973-02-11', vi: 'Bangladesh', en: 'Bangladesh' },
  { date: '1973-02-26', vi: 'Australia', en: 'Australia' },
  { date: '1973-03-22', vi: 'Bỉ', en: 'Belgium' },
  { date: '1973-03-23', vi: 'Italy', en: 'Italy' },
  { date: '1973-03-30', vi: 'Malaysia', en: 'Malaysia' },
  { date: '1973-04-09', vi: 'Hà Lan', en: 'Netherlands' },
  { date: '1973-04-12', vi: 'Pháp', en: 'France' },
  { date: '1973-08-01', vi: 'Singapore', en: 'Singapore' },
  { date: '1973-08-21', vi: 'Canada', en: 'Canada' },
  { date: '1973-09-11', vi: 'Vương quốc Anh', en: 'United Kingdom' },
  { date: '1973-09-21', vi: 'Nhật Bản', en: 'Japan' },
  { date: '1973-10-25', vi: 'Argentina', en: 'Argentina' },
  { date: '1975-04-15', vi: 'Hy Lạp', en: 'Greece' },
  { date: '1975-05-19', vi: 'Mexico', en: 'Mexico' },
  { date: '1975-05-28', vi: 'Myanmar', en: 'Myanmar' },
  { date: '1975-06-19', vi: 'New Zealand', en: 'New Zealand' },
  { date: '1975-07-01', vi: 'Bồ Đào Nha', en: 'Portugal' },
  { date: '1975-09-23', vi: 'Đức', en: 'Germany' },
  { date: '1976-07-12', vi: 'Philippines', en: 'Philippines' },
  { date: '1976-08-06', vi: 'Thái Lan', en: 'Thailand' },
  { date: '1977-05-23', vi: 'Tây Ban Nha', en: 'Spain' },
  { date: '1978-06-07', vi: 'Thổ Nhĩ Kỳ', en: 'Türkiye' },
  { date: '1989-05-08', vi: 'Brazil', en: 'Brazil' },
  { date: '1990-11-28', vi: 'Liên minh châu Âu', en: 'European Union' },
  { date: '1992-01-23', vi: 'Ukraine', en: 'Ukraine' },
  { date: '1992-02-29', vi: 'Brunei', en: 'Brunei' },
  { date: '1992-06-29', vi: 'Kazakhstan', en: 'Kazakhstan' },
  { date: '1992-12-22', vi: 'Hàn Quốc', en: 'Republic of Korea' },
  { date: '1993-07-12', vi: 'Israel', en: 'Israel' },
  { date: '1993-12-22', vi: 'Nam Phi', en: 'South Africa' },
  { date: '1995-07-12', vi: 'Hoa Kỳ', en: 'United States' },
  { date: '1996-04-05', vi: 'Ireland', en: 'Ireland' },
  { date: '2002-07-28', vi: 'Timor-Leste', en: 'Timor-Leste' },
];
