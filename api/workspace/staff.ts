import type { Partner, Routing } from '../routing/routing-schema';

/** Someone the partnership file lists: a partner's staff member, an administrator, or both. */
export interface StaffMember {
  email: string;
  /** The partner whose reports they work; none for an administrator who works for no partner. */
  partner?: Partner;
  admin: boolean;
}

/** What an invitation is for: a partner's id, or the partnership's administrators. */
export const ADMINISTRATORS = 'partnership';

/** Who this address is by the partnership file in force: removed from it, no one. */
export function staffMember(routing: Routing, email: string): StaffMember | undefined {
  const address = email.trim().toLowerCase();
  const partner = routing.partners.find((p) => p.staff.includes(address));
  const admin = routing.workspace.administrators.includes(address);
  if (!partner && !admin) return undefined;
  return { email: address, ...(partner && { partner }), admin };
}

/** Why an invitation cannot be made, in one line; undefined when it can. */
export function cannotInvite(routing: Routing, to: string, email: string): string | undefined {
  const address = email.trim().toLowerCase();
  if (to === ADMINISTRATORS) {
    return routing.workspace.administrators.includes(address) ? undefined : `${address} is not in workspace.administrators in the partnership file`;
  }
  const partner = routing.partners.find((p) => p.id === to);
  if (!partner) return `no partner has the id "${to}" (partners: ${routing.partners.map((p) => p.id).join(', ')}, or "${ADMINISTRATORS}" for an administrator)`;
  return partner.staff.includes(address) ? undefined : `${address} is not on ${partner.id}'s staff list in the partnership file`;
}
