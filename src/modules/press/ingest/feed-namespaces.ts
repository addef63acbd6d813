/**
 * Feeds name their namespaces with any prefix (`<dc:creator>`, `<d:creator>`, `<atom:feed>`); the
 * reader works on canonical prefixes. The declarations (`xmlns:p="uri"`) are read from the text, each
 * known URI gets its canonical prefix, and the parser renames tags as it reads them. The feed's own
 * vocabulary (Atom in an Atom document, RSS 1.0 in RDF) has no prefix; Atom inside RSS is `atom:`.
 */

const ATOM = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'];
const RSS1 = ['http://purl.org/rss/1.0/', 'http://channel.netscape.com/rdf/simple/0.9/', 'http://my.netscape.com/rdf/simple/0.9/'];

const CANONICAL: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.itunes.com/dtds/podcast-1.0.dtd/': 'itunes',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
};

export interface TagNamer {
  /** Canonical name of a tag as written. */
  (name: string): string;
}

/** The renaming for one document, from its namespace declarations and its root element. */
export function tagNamer(xml: string): TagNamer {
  const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  const atomDocument = root?.[2] === 'feed';
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/\bxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*["']([^"']*)["']/g)) {
    const [, prefix, uri] = m;
    const canonical = ATOM.includes(uri) ? (atomDocument ? '' : 'atom') : RSS1.includes(uri) ? '' : CANONICAL[uri];
    if (prefix !== undefined && canonical !== undefined && !map.has(prefix)) map.set(prefix, canonical);
  }
  return (name: string) => {
    const colon = name.indexOf(':');
    if (colon < 0) return name;
    const prefix = name.slice(0, colon);
    if (prefix === 'xml' || prefix === 'xmlns') return name;
    const canonical = map.get(prefix);
    if (canonical === undefined) return name;
    const local = name.slice(colon + 1);
    return canonical ? `${canonical}:${local}` : local;
  };
}
