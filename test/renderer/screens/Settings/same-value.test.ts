import { describe, expect, it } from 'vitest';
import { sameValue } from '../../../../renderer/screens/Settings/same-value';

describe('sameValue', () => {
  it('ignores key order and absent-vs-undefined keys, but not array order or values', () => {
    expect(sameValue({ id: 'a', type: 't', note: undefined }, { type: 't', id: 'a' })).toBe(true);
    expect(sameValue([{ a: 1 }, { b: 2 }], [{ b: 2 }, { a: 1 }])).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
