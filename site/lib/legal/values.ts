import type { Legal } from '../../../api/routing/legal-schema';
import type { Routing } from '../../../api/routing/routing-schema';
import type { RetentionPolicy } from '../../../api/store/retention';
import { intlLocale, type Locale } from '../../../i18n';
import { escapeHtml } from './parts';

export type Labels = Record<string, string>;

export const longDate = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** The `{{values}}` both legal pages' prose may use. */
export function legalValues(routing: Routing, labels: Labels, locale: Locale): Record<string, string> {
  const { legal, partnership } = routing;
  const a = legal.accessibility;
  const abroad = legal.processors.some((p) => !/^(united kingdom|uk)$/i.test(p.country.trim()));
  return {
    siteName: partnership.siteName,
    partnershipName: partnership.name,
    website: legal.website,
    runBy: legal.runBy,
    appropriatePolicyDocument: legal.appropriatePolicyDocument,
    transfers: labels[abroad ? 'transfers.some' : 'transfers.none'] ?? '',
    status: labels[`status.${a.status}`] ?? '',
    formatReplyDays: String(a.formatReplyDays),
    problemReplyDays: String(a.problemReplyDays),
    prepared: longDate(a.prepared, locale),
    reviewed: longDate(a.reviewed, locale),
    testedOn: longDate(a.tested.on, locale),
    testedBy: a.tested.by,
  };
}

/** How long each kind of data is kept, in the units the notice gives, from what the portal purges. */
export function retentionPeriods(policy: RetentionPolicy, legal: Legal) {
  const { victim, caseReview, location } = policy.repeats;
  const months = Math.max(victim.windowMonths, caseReview.windowMonths);
  // Match records stay for the longest repeat window: months, unless the places' window in days is longer.
  const byMonths = months * 28 >= location.windowDays;
  return {
    reportDays: policy.reportDays,
    matches: byMonths ? { months } : { days: location.windowDays },
    chatMinutes: Math.round(policy.chatExpiryMs / 60_000),
    formMinutes: Math.round(policy.formExpiryMs / 60_000),
    logDays: legal.logDays,
  };
}

/** A label's text as HTML: escaped, with its Markdown links ([words](https://…)) made links. */
export function labelHtml(text: string): string {
  return escapeHtml(text).replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, (_, words: string, url: string) => `<a class="govuk-link" href="${url}">${words}</a>`);
}
