import { describe, expect, it } from 'vitest';
import { byOrder, keyBetween } from './order';

describe('order keys', () => {
  it('always fit between two neighbours, at the ends and after many inserts', () => {
    const keys = [keyBetween(null, null)];
    for (let i = 0; i < 200; i++) {
      const at = i % 3 === 0 ? 0 : i % 3 === 1 ? keys.length : Math.floor(keys.length / 2);
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      keys.splice(at, 0, key);
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 1000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyBetween('a', 'a1') > 'a' && keyBetween('a', 'a1') < 'a1').toBe(true);
  });

  it('breaks ties between equal keys by id, the same on every copy', () => {
    const items = [
      { id: 'b', order: 'm' },
      { id: 'a', order: 'm' },
      { id: 'c', order: 'g' },
    ];
    expect(items.sort(byOrder).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});
