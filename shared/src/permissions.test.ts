import { describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES } from './doc/documents';
import { ROLES, SIDES } from './people';
import { permissionFor } from './permissions';

describe('permissionFor (shared/README.md matrix)', () => {
  it('lets coordinators and teachers edit the agreement, leaders comment, others read', () => {
    expect(ROLES.map((r) => permissionFor(r, 'A', 'agreement'))).toEqual([
      'edit',
      'edit',
      'comment',
      'read',
      'read',
    ]);
  });

  it('lets host parents edit their own side’s leg and only comment on the other', () => {
    expect(permissionFor('host-parent', 'A', 'itinerary.A')).toBe('edit');
    expect(permissionFor('host-parent', 'A', 'itinerary.B')).toBe('comment');
    expect(permissionFor('host-parent', 'B', 'itinerary.B')).toBe('edit');
    expect(permissionFor('coordinator', 'B', 'itinerary.A')).toBe('comment');
  });

  it('lets commenters write threads, and viewers only read them', () => {
    expect(permissionFor('leader', 'A', 'itinerary.B.threads')).toBe('edit');
    expect(permissionFor('host-parent', 'B', 'agreement.threads')).toBe('edit');
    expect(permissionFor('viewer', 'A', 'agreement.threads')).toBe('read');
    expect(permissionFor('viewer', 'B', 'itinerary.B.threads')).toBe('read');
  });

  it('keeps the status document read-only for every member', () => {
    for (const role of ROLES)
      for (const side of SIDES) expect(permissionFor(role, side, 'status')).toBe('read');
  });

  it('gives every member at least read on every document', () => {
    for (const role of ROLES)
      for (const side of SIDES)
        for (const doc of DOCUMENT_NAMES) expect(permissionFor(role, side, doc)).not.toBe('none');
  });
});
