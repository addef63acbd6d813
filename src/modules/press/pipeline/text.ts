import { decodeHTML } from 'entities';
import { fold } from '../../../shared/text/fold';
import { isSpace } from './folding';

const INVISIBLE = /\u200B|\u200C|\u200D|\u00AD|\uFEFF/g;

const SEPARATORS = ['', ' ', '\n', '\n\n'];

/**
 * NFC, no invisible characters, single spaces, paragraphs separated by one blank line: each run
 * of whitespace becomes nothing (at either end), one space, `\n` (one line break, CR LF or CR
 * counted as one) or `\n\n` (two or more). One pass; clean input comes back as it is.
 */
export function cleanText(input: string | null | undefined): string {
  if (!input) return '';
  const s = input.replace(INVISIBLE, '').normalize('NFC');
  let out = '';
  let copied = 0; // s[copied..] is not in `out` yet
  let kept = false; // a non-space unit was kept
  let run = -1; // start of the current whitespace run
  let breaks = 0;
  for (let i = 0, n = s.length; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : -1;
    if (c >= 0 && isSpace(c)) {
      if (run < 0) {
        run = i;
        breaks = 0;
      }
      if (c === 10) breaks++;
      else if (c === 13) {
        breaks++;
        if (s.charCodeAt(i + 1) === 10) i++;
      }
      continue;
    }
    if (run >= 0) {
      const sep = !kept || c < 0 ? 0 : breaks === 0 ? 1 : breaks === 1 ? 2 : 3;
      const len = i - run;
      const same =
        sep === 1
          ? len === 1 && s.charCodeAt(run) === 32
          : sep === 2
            ? len === 1 && s.charCodeAt(run) === 10
            : sep === 3 && len === 2 && s.charCodeAt(run) === 10 && s.charCodeAt(run + 1) === 10;
      if (!same) {
        out += s.slice(copied, run) + SEPARATORS[sep];
        copied = i;
      }
      run = -1;
    }
    kept = true;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** One line: NFC, single spaces. */
export function cleanLine(input: string | null | undefined): string {
  if (!input) return '';
  return input.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * HTML character references (all of HTML5's named ones, numeric ones, legacy forms without `;`
 * inside text) decoded by the `entities` package; invalid code points become U+FFFD.
 */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : decodeHTML(s);
}

const BLOCK =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|thead|tbody|section|article|aside|nav|blockquote|pre|figure|figcaption|header|footer|main|address)\b[^>]*>/gi;
/** Cells, images and form parts separate words; any other tag (b, i, a, span…) joins its text. */
const SPACED = /<\/?(?:td|th|img|input|button|select|option|textarea|label|video|audio|source|picture|iframe)\b[^>]*>/gi;

/** Light HTML → text for feed summaries (no DOM): drops scripts/styles/comments, keeps paragraphs. */
export function htmlToText(html: string): string {
  return cleanText(
    decodeEntities(
      html
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style|noscript|template|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(BLOCK, '\n\n')
        .replace(SPACED, ' ')
        .replace(/<[^>]*>/g, ''),
    ),
  );
}

export const looksLikeHtml = (s: string) => /<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(s);

export { foldAligned, foldText, type AlignedFold } from './folding';

/** Word characters for boundary checks on folded text. */
const WORD_EXTRA = /[\p{L}\p{N}\p{M}]/u;
export function isWordCharCode(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
  return WORD_EXTRA.test(s[i]);
}

export { fold };
