/** Kinds of organisation, with their Vietnamese labels kept beside them (DOMAIN.md "Words in code"). */
export const ORG_KINDS = {
  province: { vi: 'UBND tỉnh', en: "Provincial People's Committee" },
  department: { vi: 'Sở, ban, ngành', en: 'Department, board, sector' },
  district: { vi: 'UBND huyện, thị xã, thành phố', en: 'District, town, city committee' },
  commune: { vi: 'UBND xã, phường, đặc khu', en: 'Commune, ward, special zone committee' },
  press: { vi: 'Cơ quan báo chí', en: 'Press agency' },
  armed_forces: { vi: 'Lực lượng vũ trang', en: 'Armed forces, police' },
  central: { vi: 'Cơ quan Trung ương', en: 'Central agency' },
  party: { vi: 'Cơ quan Đảng, đoàn thể', en: 'Party and mass organisation' },
  other: { vi: 'Khác', en: 'Other' },
} as const;

export type OrgKind = keyof typeof ORG_KINDS;
export const ORG_KIND_VALUES = Object.keys(ORG_KINDS) as [OrgKind, ...OrgKind[]];
