import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './route';

describe('parseRoute', () => {
  it('reads every screen from its path', () => {
    expect(parseRoute(paths.partnership('abc-123'))).toEqual({
      name: 'partnership',
      partnershipId: 'abc-123',
    });
    expect(parseRoute(paths.agreement('abc'))).toEqual({ name: 'agreement', partnershipId: 'abc' });
    expect(parseRoute(paths.newPartnership())).toEqual({ name: 'newPartnership' });
    const token = 'x'.repeat(43);
    expect(parseRoute(`/invite/${token}`)).toEqual({ name: 'invite', token });
    expect(parseRoute(`/confirm/${token}`)).toEqual({ name: 'confirmEmail', token });
  });
  it('sends anything else home', () => {
    for (const path of [
      '/',
      '/p/',
      '/p/../x',
      '/p/a b',
      '/invite/short',
      '/confirm/short',
      '/elsewhere',
    ]) {
      expect(parseRoute(path), path).toEqual({ name: 'home' });
    }
  });
});
