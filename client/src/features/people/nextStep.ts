import type { PartnershipProgress, PartnershipView } from '@tandem/shared/api';
import { isStaff, maySign } from '@tandem/shared/permissions';
import type { Side } from '@tandem/shared/people';
import { paths } from '../../platform/route';

/** The one thing to do next, as a message key in `people:home.next`, its values and its link. */
export interface NextStep {
  key: string;
  values: Record<string, string | number>;
  href: string;
}

const other = (side: Side): Side => (side === 'A' ? 'B' : 'A');

/** Who a school still lacks (P13, P14): a second staff member, a leader. */
export function missingPeople(partnership: PartnershipView, side: Side): ('staff' | 'leader')[] {
  const members = partnership.members.filter((m) => m.side === side);
  const missing: ('staff' | 'leader')[] = [];
  if (members.filter((m) => isStaff(m.role)).length < 2) missing.push('staff');
  if (!members.some((m) => m.role === 'leader')) missing.push('leader');
  return missing;
}

/** What the agreement still needs before it can be signed, or null when it is ready. */
function agreementStep(
  id: string,
  progress: PartnershipProgress,
  side: Side,
  may: { write: boolean; approve: boolean },
): NextStep | null {
  const { clauses, written, aligned, approved } = progress.agreement;
  const href = paths.agreement(id);
  const values = { done: 0, total: clauses };
  if (may.write && written < clauses)
    return { key: 'write', values: { ...values, done: written }, href };
  if (may.write && aligned < clauses)
    return { key: 'align', values: { ...values, done: aligned }, href };
  if (!may.approve) return null;
  if (approved[side] < clauses)
    return { key: 'approve', values: { ...values, done: approved[side] }, href };
  if (approved[other(side)] < clauses) {
    return { key: 'partnerApproves', values: { ...values, done: approved[other(side)] }, href };
  }
  return null;
}

/** The next step for the person looking, by their role (shared/DOMAIN.md, Users). */
export function nextStep(partnership: PartnershipView, progress: PartnershipProgress): NextStep {
  const { id, you } = partnership;
  const { signing, itineraries } = progress;
  const agreement = paths.agreement(id);
  const ownLeg = itineraries[you.side];
  const plan: NextStep = {
    key: 'plan',
    values: { done: ownLeg.planned, total: ownLeg.days },
    href: paths.itinerary(id, you.side),
  };
  if (you.role === 'host-parent') return plan;
  if (you.role === 'viewer') return { key: 'read', values: {}, href: agreement };
  if (you.role === 'coordinator') {
    if (!partnership.members.some((m) => m.side !== you.side && m.role === 'coordinator')) {
      return { key: 'invitePartner', values: {}, href: '#invite' };
    }
  }
  if (signing.phase === 'signed') return { key: 'signed', values: {}, href: agreement };
  if (signing.phase === 'signing') {
    if (maySign(you.role) && !signing.signed[you.side])
      return { key: 'sign', values: {}, href: agreement };
    return { key: 'waitSignature', values: {}, href: agreement };
  }
  const may = {
    write: you.role === 'coordinator' || you.role === 'teacher',
    approve: maySign(you.role),
  };
  const step = agreementStep(id, progress, you.side, may);
  if (step) return step;
  if (you.role === 'coordinator') {
    if (missingPeople(partnership, you.side).length > 0)
      return { key: 'inviteStaff', values: {}, href: '#invite' };
    return { key: 'startSigning', values: {}, href: agreement };
  }
  return you.role === 'teacher' ? plan : { key: 'waitSigning', values: {}, href: agreement };
}

/** Where each role's main button leads: their own work. */
export function mainWork(partnership: PartnershipView): { key: string; href: string } {
  const { id, you } = partnership;
  if (you.role === 'host-parent') return { key: 'itinerary', href: paths.itinerary(id, you.side) };
  return { key: 'agreement', href: paths.agreement(id) };
}
