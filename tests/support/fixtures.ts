import { join } from 'node:path';
import { definitions } from '../../api/report-types';
import { resolveDefinition } from '../../api/definitions/resolve';
import type { Definition } from '../../api/definitions/types';
import { loadRouting } from '../../api/routing/load-routing';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const defaultRoutingFile = join(projectRoot, 'content', 'routing.yaml');

/** The shipped Peterborough routing and the definitions resolved against it. */
export function shippedSetup() {
  const routing = loadRouting(defaultRoutingFile, definitions);
  const resolved = definitions.map((d) => resolveDefinition(d, routing));
  const byId = (id: string): Definition => resolved.find((d) => d.id === id)!;
  return { routing, definitions: resolved, byId };
}

/** A fixed "now" after every example's date. */
export const NOW = new Date('2026-11-25T12:00:00Z');
