import type { Definition } from '../definitions/types';
import type { Limiter } from '../http/rate-limit';
import type { IntakeResult, Submission } from '../intake/intake';
import type { CaseReviewThreshold } from '../repeats/flags';
import type { GuidanceSearch } from '../search/server';
import type { FormDraftStore } from '../../site/lib/form-draft';

/**
 * What on-demand pages get from the server, as Astro.locals.portal: the one running store and
 * configuration, rather than a second copy bundled into the site.
 */
export interface SitePortal {
  definitions: Definition[];
  submit(definition: Definition, submission: Submission): IntakeResult;
  search: GuidanceSearch['search'];
  /** The ASB Case Review threshold, for telling every reporter of these types of the right. */
  caseReview: CaseReviewThreshold;
  /** Report forms' answers between steps. */
  drafts: FormDraftStore;
  /** Per-client allowances: a report (only the final "send" counts), form steps (generous), searches. */
  limits: { report: Limiter; formStep: Limiter; search: Limiter };
  /** Answers sent sooner than this after a form was first shown are refused as a script's. */
  formMinMs: number;
  /** Cookies only over HTTPS when the portal is served over HTTPS. */
  secureCookies: boolean;
  now(): number;
  /** Logs how a form's "send" went: by type, reference and error codes, as the API's are. */
  logSending(type: string, sending: { result: string; reference?: string; codes?: string[] }): void;
}
