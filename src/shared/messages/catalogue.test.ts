import { describe, expect, it } from 'vitest';
import { catalogue, translate } from './catalogue';

describe('message catalogue', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.vi).sort());
  });
  it('fills placeholders and falls back to the key', () => {
    expect(translate('vi', 'auth.too_many_attempts', { minutes: 15 })).toContain('15 phút');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
