import type { DocumentName } from './doc/documents';
import type { Role, Side } from './people';

/** What a member may do with one document, from most to least. */
export const PERMISSIONS = ['edit', 'comment', 'read', 'none'] as const;
/** One permission level. */
export type Permission = (typeof PERMISSIONS)[number];

type ByRole = Record<Role, Permission>;

const AGREEMENT: ByRole = {
  coordinator: 'edit',
  teacher: 'edit',
  leader: 'comment',
  'host-parent': 'read',
  viewer: 'read',
};
const AGREEMENT_THREADS: ByRole = {
  coordinator: 'edit',
  teacher: 'edit',
  leader: 'edit',
  'host-parent': 'edit',
  viewer: 'read',
};
/** The leg one's own side hosts (P18: host parents design it). */
const OWN_LEG: ByRole = {
  coordinator: 'edit',
  teacher: 'edit',
  leader: 'comment',
  'host-parent': 'edit',
  viewer: 'read',
};
/** The leg the other side hosts: feedback only (P19). */
const OTHER_LEG: ByRole = {
  coordinator: 'comment',
  teacher: 'comment',
  leader: 'comment',
  'host-parent': 'comment',
  viewer: 'read',
};

/**
 * The default permission matrix (shared/README.md). For a threads document, `edit` means writing
 * threads: anyone who may comment on the content may edit its threads.
 */
export function permissionFor(role: Role, side: Side, document: DocumentName): Permission {
  switch (document) {
    case 'agreement':
      return AGREEMENT[role];
    case 'agreement.threads':
      return AGREEMENT_THREADS[role];
    case 'itinerary.A':
    case 'itinerary.B':
      return legPermission(role, side, document);
    case 'itinerary.A.threads':
    case 'itinerary.B.threads':
      return threadsPermission(legPermission(role, side, document));
    case 'status':
      // Written only by the server (signing, approvals): read-only for every client.
      return 'read';
    default: {
      const never: never = document;
      throw new Error(`unknown document ${String(never)}`);
    }
  }
}

function legPermission(role: Role, side: Side, document: `itinerary.${Side}${string}`): Permission {
  const hostSide = document.charAt('itinerary.'.length);
  return (hostSide === side ? OWN_LEG : OTHER_LEG)[role];
}

function threadsPermission(content: Permission): Permission {
  return content === 'edit' || content === 'comment' ? 'edit' : content;
}

/** Whether the permission allows changing the document through sync. */
export function canWrite(permission: Permission): boolean {
  return permission === 'edit';
}

/** Partnership administration is the coordinators' (point people, shared/DOMAIN.md). */
export function mayAdminister(role: Role): boolean {
  return role === 'coordinator';
}

/** Staff of a school (not families, not viewers): they name its people and decide on prompts (P13). */
export function isStaff(role: Role): boolean {
  return role === 'coordinator' || role === 'teacher' || role === 'leader';
}

/** Who approves and signs the agreement on behalf of a school (server/README.md, The signed PDF). */
export function maySign(role: Role): boolean {
  return role === 'coordinator' || role === 'leader';
}
