import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './passwords';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(2 ** 10);

  it('never stores the password and accepts only the right one', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).not.toContain('correct');
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('fails for an unknown account', async () => {
    expect(await hasher.verify('anything at all', null)).toBe(false);
  });
});
