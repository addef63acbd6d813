import { describe, expect, it } from 'vitest';
import { assertPageShape, MAX_PAGE_DEPTH, measurePage } from './page-shape';

describe('page shape before parsing', () => {
  it('measures nesting without counting void elements, optional end tags, scripts or comments', () => {
    expect(measurePage('<div><div><span>a</span></div></div>')).toEqual({ elements: 3, depth: 3 });
    const loose = `<ul>${'<li>mục <br><img src=x.png>'.repeat(3000)}</ul>${'<p>đoạn'.repeat(3000)}`;
    expect(measurePage(loose).depth).toBe(1);
    expect(measurePage(`<script>${'"<div>"+'.repeat(5000)}1</script><!-- ${'<div>'.repeat(5000)} --><b>x</b>`)).toEqual({
      elements: 1,
      depth: 1,
    });
  });

  it('refuses a page nested deeper than any article, naming the address', () => {
    expect(() => assertPageShape('<div>'.repeat(MAX_PAGE_DEPTH + 1), 'https://bao.example/a')).toThrow(
      expect.objectContaining({ code: 'press.page_too_complex', details: expect.objectContaining({ url: 'https://bao.example/a' }) }),
    );
    expect(() => assertPageShape('<div>'.repeat(MAX_PAGE_DEPTH - 1), 'https://bao.example/b')).not.toThrow();
  });
});
