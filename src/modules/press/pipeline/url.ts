const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|zarsrc|zarsrc_[a-z]+|_gl|mc_cid|mc_eid|igshid|yclid|ref|cmpid|gidzl)$/i;

/** Lower-case host, no default port, no fragment, no tracking parameters; null if not http(s). */
export function canonicaliseUrl(input: string | null | undefined, base?: string): string | null {
  if (!input) return null;
  let u: URL;
  try {
    u = base ? new URL(input.trim(), base) : new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  const keep = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  keep.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = keep.length ? new URLSearchParams(keep).toString() : '';
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const TLD_COUNTRY: Record<string, string> = {
  vn: 'VN',
  la: 'LA',
  kh: 'KH',
  th: 'TH',
  cn: 'CN',
  tw: 'TW',
  jp: 'JP',
  kr: 'KR',
  fr: 'FR',
  de: 'DE',
  uk: 'GB',
  au: 'AU',
  sg: 'SG',
  my: 'MY',
  ph: 'PH',
  id: 'ID',
  ru: 'RU',
  in: 'IN',
  ca: 'CA',
};

/** A guess from the host's country-code domain; undefined for generic domains (.com, .org). */
export function countryFromUrl(url: string | null | undefined): string | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return TLD_COUNTRY[tld];
}
