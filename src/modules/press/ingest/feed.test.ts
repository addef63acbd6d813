import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed';

const instant = (d: string | null) => (d ? new Date(d).toISOString() : null);

/** The shapes that Python feedparser's well-formed corpus showed the old reader getting wrong (#17). */
describe('parseFeed: feeds as they really are', () => {
  it('reads Atom text constructs by their type: xhtml, escaped html, text and CDATA', () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b> &amp; co</div></title>
  <entry>
    <title type="html">Quảng Trị &lt;em&gt;đón&lt;/em&gt; đoàn</title>
    <summary type="text">a &lt;b&gt; is not a tag here</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Đoạn một.</p><p>Đoạn <i>hai</i>.</p></div></content>
    <link href="https://example.vn/a"/>
  </entry>
  <entry><title><![CDATA[Lao Bảo <mở> cửa]]></title><link rel="alternate" href="https://example.vn/b"/></entry>
</feed>`);
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Example Atom & co');
    expect(feed.items[0].title).toBe('Quảng Trị đón đoàn');
    expect(feed.items[0].summary).toBe('a <b> is not a tag here');
    expect(feed.items[0].contentHtml).toContain('<p>Đoạn <i>hai</i>.</p>');
    expect(feed.items[1].title).toBe('Lao Bảo <mở> cửa');
  });

  it('takes content:encoded as the summary when the item has none, and reads dc, dcterms and itunes fields', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/"
  xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:t="http://purl.org/dc/terms/" xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Báo</title><link>https://bao.example.vn/</link><d:language>vi</d:language>
<item><title>Tin một</title><link>https://bao.example.vn/1</link>
  <c:encoded><![CDATA[<p>Toàn văn <b>bài</b> báo.</p>]]></c:encoded>
  <d:creator>Nguyễn Văn A</d:creator><t:issued>2026-11-30T08:00:00+07:00</t:issued><d:subject>Đối ngoại</d:subject><d:language>en</d:language>
</item>
<item><title>Tin hai</title><link>https://bao.example.vn/2</link><it:author>Trần B</it:author><it:category text="News"/></item>
</channel></rss>`);
    expect(feed.language).toBe('vi');
    const [a, b] = feed.items;
    expect(a.summary).toBe('Toàn văn bài báo.');
    expect(a.contentHtml).toBe('<p>Toàn văn <b>bài</b> báo.</p>');
    expect(a.author).toBe('Nguyễn Văn A');
    expect(instant(a.publishedAt)).toBe('2026-11-30T01:00:00.000Z');
    expect(a.categories).toEqual(['Đối ngoại']);
    expect(a.language).toBe('en');
    expect(b.author).toBe('Trần B');
    expect(b.categories).toEqual(['News']);
  });

  it('resolves relative links against xml:base, then the channel link, then the fetched address', () => {
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example.vn/tin/">
        <entry><link href="bai-1.html"/></entry>
        <entry xml:base="/khac/"><link href="bai-2.html"/></entry></feed>`,
    );
    expect(atom.items.map((i) => i.link)).toEqual(['https://a.example.vn/tin/bai-1.html', 'https://a.example.vn/khac/bai-2.html']);
    const rss = parseFeed(`<rss><channel><link>https://b.example.vn/</link><item><link>/x/3.html</link></item></channel></rss>`);
    expect(rss.items[0].link).toBe('https://b.example.vn/x/3.html');
    const bare = parseFeed(`<rss><channel><item><link>4.html</link></item></channel></rss>`, { url: 'https://c.example.vn/rss/home.rss' });
    expect(bare.items[0].link).toBe('https://c.example.vn/rss/4.html');
  });

  it('accepts the Netscape RSS 0.91 DOCTYPE but still refuses an internal subset or an entity', () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Caf&eacute;</title><item><title>A</title><link>https://x.example/a</link></item></channel></rss>`);
    expect(feed.title).toBe('Café');
    expect(feed.items).toHaveLength(1);
    const subset = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss><channel><title>&x;</title></channel></rss>`;
    expect(() => parseFeed(subset)).toThrow(expect.objectContaining({ code: 'press.feed_unsafe' }));
    const entity = `<rss><channel><!ENTITY x SYSTEM "file:///etc/passwd"><title>t</title></channel></rss>`;
    expect(() => parseFeed(entity)).toThrow(expect.objectContaining({ code: 'press.feed_unsafe' }));
  });

  it('keeps items that sit outside the channel, and reads prefixed Atom and RSS 1.0', () => {
    expect(
      parseFeed(`<rss><channel><title>t</title></channel><item><title>Lạc</title><link>https://x.example/1</link></item></rss>`).items[0]
        .title,
    ).toBe('Lạc');
    const prefixed = parseFeed(`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title>
      <a:entry><a:title>Một</a:title><a:link href="https://x.example/p1"/><a:updated>2026-12-01T00:00:00Z</a:updated></a:entry></a:feed>`);
    expect(prefixed.kind).toBe('atom');
    expect(prefixed.items[0]).toMatchObject({ title: 'Một', link: 'https://x.example/p1' });
    expect(instant(prefixed.items[0].publishedAt)).toBe('2026-12-01T00:00:00.000Z');
    const rdf = parseFeed(`<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:n="http://purl.org/rss/1.0/">
      <n:channel><n:title>RDF</n:title></n:channel><n:item><n:title>Ba</n:title><n:link>https://x.example/3</n:link></n:item></r:RDF>`);
    expect(rdf).toMatchObject({ kind: 'rdf', title: 'RDF', items: [{ title: 'Ba', link: 'https://x.example/3' }] });
  });

  it('reads Atom 0.3 (issued, modified, escaped content)', () => {
    const feed = parseFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Cũ</title>
      <entry><title>E</title><link rel="alternate" type="text/html" href="https://x.example/e"/>
      <issued>2004-01-02T03:04:05Z</issued><content type="text/html" mode="escaped">&lt;p&gt;Nội &lt;b&gt;dung&lt;/b&gt;&lt;/p&gt;</content></entry></feed>`);
    expect(feed.items[0]).toMatchObject({ title: 'E', link: 'https://x.example/e', summary: 'Nội dung' });
    expect(instant(feed.items[0].publishedAt)).toBe('2004-01-02T03:04:05.000Z');
  });

  it('does not take a guid marked isPermaLink="false" for the link, and names the author of an RSS e-mail field', () => {
    const feed = parseFeed(`<rss><channel><item><title>G</title><guid isPermaLink="false">https://x.example/not-a-page</guid>
      <author>ban.bien.tap@example.vn (Ban Biên tập)</author></item>
      <item><title>H</title><guid>https://x.example/h</guid></item></channel></rss>`);
    expect(feed.items[0]).toMatchObject({ link: null, guid: 'https://x.example/not-a-page', author: 'Ban Biên tập' });
    expect(feed.items[1].link).toBe('https://x.example/h');
  });
});
