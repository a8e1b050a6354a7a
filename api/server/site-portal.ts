import type { TFunction } from 'i18next';
import { caseReviewRight } from '../definitions/case-review';
import { formatAnswer } from '../definitions/format-answer';
import { errorMessage } from '../definitions/messages';
import { shownQuestions } from '../definitions/schema';
import { DANGER_QUESTION, questionKey, type Answers, type Definition } from '../definitions/types';
import type { Limiter } from '../http/rate-limit';
import type { IntakeResult, Submission } from '../intake/intake';
import type { CaseReviewThreshold } from '../repeats/flags';
import type { Routing } from '../routing/routing-schema';
import type { GuidanceSearch } from '../search/server';
import type { SearchSessionStore } from '../../site/lib/search-session';
import type { RetentionPolicy } from '../store/retention';
import { intlLocale, translator, type Locale } from '../../i18n';
import { localDate } from '../time';
import type { FormDraftStore } from '../../site/lib/form-draft';
import type { FollowUpSessionStore } from '../../site/lib/follow-up-session';
import type { FollowUps } from '../follow-up/follow-up';
import { postStep, viewFor } from '../../site/lib/form-steps';
import { fieldId } from '../../site/lib/form-answers';

/** One line of check your answers. */
export interface SummaryRow {
  label: string;
  value: string | undefined;
  /** The id of the question's field, for its "Change" link. */
  field: string;
}

/**
 * What on-demand pages get from the server, as Astro.locals.portal: the one running core (its
 * definitions, validation, formatting and words), rather than a second copy bundled into the
 * site at build time.
 */
export interface SitePortal {
  definitions: Definition[];
  submit(definition: Definition, submission: Submission): Promise<IntakeResult>;
  search: GuidanceSearch['search'];
  /** The ASB Case Review threshold, for telling every reporter of these types of the right. */
  caseReview: CaseReviewThreshold;
  /** The partnership file in force: who receives what, and what the legal pages say (the privacy notice is made from it). */
  partnership: Routing;
  /** How long each kind of data is kept, as the running portal purges it. */
  retention: RetentionPolicy;
  /** Report forms' answers between steps. */
  drafts: FormDraftStore;
  /** The reporter's side: a report opened by its reference and code, its statuses and messages. */
  followUp: FollowUps & { sessions: FollowUpSessionStore };
  /** What the search form was asked, kept out of addresses. */
  searches: SearchSessionStore;
  /** Per-client allowances: a report (only the final "send" counts), form steps (generous), searches. */
  limits: { report: Limiter; formStep: Limiter; search: Limiter; followUp: Limiter };
  /** Answers sent sooner than this after a form was first shown are refused as a script's. */
  formMinMs: number;
  /** Cookies only over HTTPS when the portal is served over HTTPS. */
  secureCookies: boolean;
  now(): number;
  /** Logs how a form's "send" went: by type, reference and error codes, as the API's are. */
  logSending(type: string, sending: { result: string; reference?: string; codes?: string[] }): void;
  /** The running core's words in a language. */
  words(locale: Locale): TFunction;
  /** A date as the reader reads it, in the partnership's time zone. */
  date(instant: number, locale: Locale): string;
  /** A report form's steps, by the running core's validation. */
  forms: { post: typeof postStep; view: typeof viewFor };
  errorMessage: typeof errorMessage;
  /** Check your answers, as the core words and formats the answers. */
  summary(definition: Definition, answers: Answers, t: TFunction, locale: Locale): SummaryRow[];
  caseReviewText(t: TFunction): string;
}

type Composed = Omit<SitePortal, 'words' | 'date' | 'forms' | 'errorMessage' | 'summary' | 'caseReviewText'>;

/** The site's view of the running core: the parts composed by the server, and the core's own functions. */
export function sitePortal(parts: Composed): SitePortal {
  return {
    ...parts,
    words: translator,
    date: (instant, locale) => localDate(instant, intlLocale(locale)),
    forms: { post: postStep, view: viewFor },
    errorMessage,
    summary: (definition, answers, t, locale) =>
      shownQuestions(definition, answers)
        .filter((q) => q.kind !== 'notice' && q.id !== DANGER_QUESTION)
        .map((q) => ({
          label: t(`${questionKey(definition, q.id)}.short`),
          value: formatAnswer(definition, q, answers[q.id], t, intlLocale(locale)),
          field: fieldId(q),
        })),
    caseReviewText: (t) => caseReviewRight(parts.caseReview, t),
  };
}
