import { foldAligned } from './text-utils';

/** Labelled lines inside a task: `- Cơ quan chủ trì: …`, `Thời gian thực hiện: …`. */
export type FieldKey = 'content' | 'time' | 'lead' | 'advisory' | 'coordinating' | 'note';

const LABELS: Array<[FieldKey, RegExp]> = [
  ['content', /^(cac )?noi dung( thuc hien| cong viec| hoat dong| chu yeu| cu the)?$/],
  ['time', /^(thoi gian|thoi han|tien do)( thuc hien| hoan thanh| trien khai)?$/],
  ['advisory', /^((co quan|don vi)(, (co quan|don vi))? )?tham muu( thuc hien)?$/],
  ['coordinating', /^((co quan|don vi)(, (co quan|don vi))? )?phoi hop( thuc hien)?$/],
  ['lead', /^((co quan|don vi)(, (co quan|don vi))? )?chu tri( thuc hien)?$|^(co quan|don vi) thuc hien$/],
];

export interface Field {
  key: FieldKey;
  label: string;
  value: string;
}

/** Reads `Label: value`. Unknown labels are notes when the line is a bullet and the label short. */
export function readField(text: string, marker: string): Field | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 60) return null;
  const { folded } = foldAligned(text.slice(0, colon));
  const label = folded
    .replace(/[^a-z0-9, ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  const value = text.slice(colon + 1).trim();
  for (const [key, re] of LABELS) if (re.test(label)) return { key, label: text.slice(0, colon).trim(), value };
  const words = label.split(' ').length;
  if (
    marker.startsWith('-') &&
    words <= 4 &&
    /^\p{Lu}/u.test(text) &&
    /^(kinh phi|nguon kinh phi|san pham|du kien san pham|ket qua|chi tieu|ghi chu|dia diem|doi tuong|hinh thuc|quy mo|thanh phan)/.test(
      label,
    )
  ) {
    return { key: 'note', label: text.slice(0, colon).trim(), value };
  }
  return null;
}
