import { AppError } from '../../../shared/errors';

/**
 * A cheap look at a page's tags before jsdom builds it: a page nested thousands of levels deep or
 * made of hundreds of thousands of elements costs jsdom, Readability and DOMPurify minutes and
 * gigabytes (measured: 2,000 nested <div> took 131 s; 100,000 nested <a> never finished), and no
 * article needs it. One pass over the text, no parsing: scripts, styles and comments are skipped;
 * void elements and elements whose end tag HTML lets a page leave out are not counted as depth.
 */
export const MAX_PAGE_DEPTH = 400;
export const MAX_PAGE_ELEMENTS = 150_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// End tags that may be omitted (the parser closes these by itself): counting them would make a page of
// unclosed <p> or <li> look deep.
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'rtc',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
]);

export interface PageShape {
  elements: number;
  depth: number;
}

export function measurePage(html: string): PageShape {
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
  let elements = 0;
  let open = 0;
  let depth = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const name = m[2].toLowerCase();
    if (m[1]) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && open > 0) open--;
      continue;
    }
    elements++;
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
    if (++open > depth) depth = open;
  }
  return { elements, depth };
}

/** Throws press.page_too_complex when the page is deeper or larger than any article page. */
export function assertPageShape(html: string, url: string) {
  const shape = measurePage(html);
  if (shape.depth > MAX_PAGE_DEPTH || shape.elements > MAX_PAGE_ELEMENTS) {
    throw new AppError('press.page_too_complex', {
      url,
      reason: 'shape',
      ...shape,
      maxDepth: MAX_PAGE_DEPTH,
      maxElements: MAX_PAGE_ELEMENTS,
    });
  }
}
