/**
 * Số ký hiệu of a document: the whole `27/KH-UBND` is what people cite and what `number` holds.
 * Plans stored before it was whole keep the serial (`27`) and the code (`KH-UBND`) apart;
 * `fullNumber` gives the whole for both, so screens, exports and the CLI show one thing.
 */
export function fullNumber(number: string | null | undefined, code: string | null | undefined): string | null {
  const n = number?.trim();
  if (!n) return null;
  if (n.includes('/')) return n;
  return code?.trim() ? `${n}/${code.trim()}` : n;
}

/** The serial before the slash (`27` of `27/KH-UBND`); null when blank (`/KH-UBND`) or absent. */
export function numberSerial(number: string | null | undefined): string | null {
  const n = number?.trim();
  if (!n) return null;
  const at = n.indexOf('/');
  return (at < 0 ? n : n.slice(0, at).trim()) || null;
}

/** The code after the first slash (`KH-UBND`, `2019/QĐ-UBND` keeps its year: `QĐ-UBND`). */
export function numberCodeOf(number: string | null | undefined): string | null {
  const n = number?.trim();
  if (!n || !n.includes('/')) return null;
  const parts = n.split('/');
  return parts[parts.length - 1].trim() || null;
}
