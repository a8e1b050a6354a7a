import type { Definition } from '../definitions/types';
import type { Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import { administration } from './administration';
import { casework } from './casework';
import { workspaceExports } from './export';
import { passkeys } from './passkeys';
import { staffSessions } from './sessions';
import { staffMember, type StaffMember } from './staff';
import { partnerTranslator } from '../../i18n';
import { dueTime, partnershipTime } from '../time';
import { waitedText } from './working-days';
import { shownCount, barChart, chartTable } from './charts';

const p = partnerTranslator();

/** How the workspace's pages word things, by the running core (its time zone, its partner words). */
const words = {
  type: (id: string) => p(`type.${id}`),
  language: (locale: string) => p(`language.${locale}`),
  time: (instant: number) => partnershipTime(instant),
  due: dueTime,
  waited: waitedText,
  count: shownCount,
  barChart,
  chartTable,
};

export const SESSION_COOKIE = 'partners_session';

export interface WorkspaceDeps {
  store: Store;
  routing: Routing;
  definitions: Definition[];
  publicUrl: URL;
  now: () => number;
}

/** The partners' workspace, composed once: what its routes and its pages (Astro.locals.workspace) use. */
export function createWorkspace(deps: WorkspaceDeps) {
  const sessions = staffSessions(deps.store.workspace, deps.now);
  return {
    routing: deps.routing,
    words,
    definitions: deps.definitions,
    now: deps.now,
    sessions,
    passkeys: passkeys({ store: deps.store.workspace, ceremonies: deps.store, routing: deps.routing, publicUrl: deps.publicUrl, now: deps.now }),
    casework: casework(deps),
    administration: administration(deps),
    exports: workspaceExports(deps),
    audit: deps.store.workspace.audit,
    /** Who holds this session cookie, if it is live and they are still on the partnership's lists. */
    async signedIn(cookie: string | undefined): Promise<{ member: StaffMember; csrf: string } | undefined> {
      const session = await sessions.check(cookie);
      const member = session && staffMember(deps.routing, session.email);
      return member && { member, csrf: session.csrf };
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
