import type { Definition } from '../definitions/types';
import { partnerView, type PartnerView } from '../routing/partner-view';
import { visibleAnswers } from '../routing/resolve-recipients';
import type { Partner, Routing } from '../routing/routing-schema';
import type { Store, StoredReport } from '../store/store';
import type { Case } from '../store/workspace-store';
import { partnerTranslator } from '../../i18n';
import { dateIn } from '../time';
import { csvTable } from './csv';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
  count: number;
}

export interface ExportDeps {
  store: Store;
  routing: Routing;
  definitions: Definition[];
  now: () => number;
}

/** One report as its partner may see it: the case, and the answers its rules allow. */
interface Exported {
  work: Case;
  report: StoredReport;
  view: PartnerView;
}

const p = partnerTranslator();
// A partner's reports, however many: an export cut short would look complete.
const EVERY_REPORT = Number.MAX_SAFE_INTEGER;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A partner's own reports as a file to download: CSV for a spreadsheet, JSON for another system.
 * Each report carries only what the partner's rules allow (the one field filter, as its email,
 * workspace and webhook show it), and each export is audited by how many reports it held, never
 * by what they said.
 */
export function workspaceExports(deps: ExportDeps) {
  const ws = deps.store.workspace;

  async function reportsOf(partner: Partner): Promise<Exported[]> {
    const exported: Exported[] = [];
    // One at a time: an export can hold thousands, more than a database pool should be asked at once.
    for (const work of await ws.inbox(partner.id, {}, EVERY_REPORT)) {
      const report = (await deps.store.report(work.reportId))!;
      const definition = deps.definitions.find((d) => d.id === report.type)!;
      exported.push({ work, report, view: partnerView(definition, report, work.fields) });
    }
    return exported;
  }

  return {
    async file(actor: string, partner: Partner, format: ExportFormat): Promise<ExportFile> {
      const reports = await reportsOf(partner);
      const at = deps.now();
      // Each report's own trail shows its answers left in a file, as a view of it is shown.
      await ws.auditMany([
        { at, actor, partnerId: partner.id, action: 'exported', detail: `${reports.length} reports as ${format.toUpperCase()}` },
        ...reports.map(({ work }) => ({ at, actor, partnerId: partner.id, reference: work.reference, action: 'exported', detail: format.toUpperCase() })),
      ]);
      const filename = `${partner.id}-reports-${dateIn(at, deps.routing.partnership.timeZone)}.${format}`;
      return format === 'csv'
        ? { filename, contentType: 'text/csv; charset=utf-8', body: csvTable(asTable(reports, deps.routing.partnership.timeZone)), count: reports.length }
        : { filename, contentType: 'application/json; charset=utf-8', body: JSON.stringify(reports.map(asRecord)), count: reports.length };
    },
  };
}

export type WorkspaceExports = ReturnType<typeof workspaceExports>;

/** For another system: the raw answers keyed by question id, and the lines a person reads. */
function asRecord({ work, report, view }: Exported) {
  return {
    reference: work.reference,
    type: work.type,
    receivedAt: iso(work.receivedAt),
    acknowledgeBy: iso(work.dueAt),
    status: work.status,
    outcome: work.outcome,
    area: work.area,
    flags: work.flags,
    stopContact: work.stopContact,
    withdrawn: work.withdrawn,
    language: report.locale,
    answers: visibleAnswers(report.answers, work.fields),
    lines: view,
  };
}

const COLUMNS = ['reference', 'type', 'received', 'acknowledgeBy', 'status', 'outcome', 'area', 'flags', 'stopContact', 'withdrawn', 'language'];

/**
 * For a spreadsheet: one row per report, a column for each question any of them shows (by its
 * English short label, safe contact first as partners read it), empty where a report's type does
 * not ask it. A type's short labels are distinct, so no answer overwrites another.
 */
function asTable(reports: Exported[], timeZone: string): string[][] {
  const labels = [...new Set(reports.flatMap(({ view }) => [...view.safeContact, ...view.answers].map((line) => line.label)))];
  const yesNo = (value: boolean) => p(value ? 'workspace.export.yes' : 'workspace.export.no');
  const time = sortableTime(timeZone);
  const rows = reports.map(({ work, report, view }) => {
    const values = new Map([...view.safeContact, ...view.answers].map((line) => [line.label, line.value]));
    return [
      work.reference,
      p(`type.${work.type}`),
      time(work.receivedAt),
      // The deadline is the midnight that ends its day: shown as that day's 23:59, as the workspace does.
      time(work.dueAt - 60_000),
      p(`workspace.status.${work.status}`),
      work.outcome ? p(`workspace.outcome.${work.outcome}`) : '',
      work.area ?? '',
      work.flags.map((flag) => p(`workspace.flag.${flag}`)).join('; '),
      yesNo(work.stopContact),
      yesNo(work.withdrawn),
      p(`language.${report.locale}`),
      ...labels.map((label) => values.get(label) ?? ''),
    ];
  });
  return [[...COLUMNS.map((column) => p(`workspace.export.column.${column}`)), ...labels], ...rows];
}

/** "2026-12-01 14:05" in the partnership's time: a spreadsheet sorts it and reads it as a date. */
function sortableTime(timeZone: string): (instant: number) => string {
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return (instant) => `${dateIn(instant, timeZone)} ${clock.format(instant)}`;
}
