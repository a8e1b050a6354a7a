import { join } from 'node:path';
import { resolveDefinition } from '../../api/definitions/resolve';
import type { Answers, Definition } from '../../api/definitions/types';
import { definitions } from '../../api/report-types';
import { loadRouting } from '../../api/routing/load-routing';
import { resolveRecipients } from '../../api/routing/resolve-recipients';
import type { Partner, Routing } from '../../api/routing/routing-schema';

export const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * The partnerships the suite runs against: Peterborough, and a fictional second one, so that
 * nothing works only for Peterborough. Tests use these fixtures, never content/partnership.yaml.
 * `PARTNERSHIP_FIXTURE=riverside` runs the suite as Riverside (npm test runs both).
 */
export const PARTNERSHIPS = ['peterborough', 'riverside'] as const;
export type PartnershipName = (typeof PARTNERSHIPS)[number];
export const activePartnership = (process.env.PARTNERSHIP_FIXTURE ?? 'peterborough') as PartnershipName;
export const partnershipFile = (name: PartnershipName = activePartnership) =>
  join(projectRoot, 'tests', 'fixtures', 'partnerships', `${name}.yaml`);

/** The partner every report of a type reaches (its rule with no conditions): the ASB team for ASB. */
export function defaultPartner(routing: Routing, type: string): Partner {
  return routing.partners.find((p) => routing.rules.some((r) => r.report === type && !r.when && r.to.includes(p.id)))!;
}

/** A partnership's configuration and the definitions resolved against it (no words: see setup.ts). */
export function partnershipRouting(name: PartnershipName = activePartnership) {
  const routing = loadRouting(partnershipFile(name), definitions);
  const resolved = definitions.map((d) => resolveDefinition(d, routing));
  const byId = (id: string): Definition => resolved.find((d) => d.id === id)!;
  /** The partners a report with these answers goes to, in the rules' order, by this partnership's rules. */
  const routed = (type: string, answers: Answers) => resolveRecipients(byId(type), answers, routing).map((r) => r.partner);
  /** Their addresses, sorted. */
  const recipients = (type: string, answers: Answers) => routed(type, answers).map((p) => p.email).sort();
  return { name, routing, definitions: resolved, byId, routed, recipients };
}

/** A fixed "now" after every example's date. */
export const NOW = new Date('2026-11-25T12:00:00Z');
