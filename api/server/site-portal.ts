import type { Definition } from '../definitions/types';
import type { FormTokens } from '../intake/form-token';
import type { IntakeResult, Submission } from '../intake/intake';
import type { GuidanceSearch } from '../search/server';

/**
 * What on-demand pages get from the server, as Astro.locals.portal: the one running store and
 * configuration, rather than a second copy bundled into the site.
 */
export interface SitePortal {
  definitions: Definition[];
  submit(definition: Definition, submission: Submission): IntakeResult;
  search: GuidanceSearch['search'];
  /** The ASB Case Review window, for telling a reporter they can ask for one. */
  caseReviewMonths: number;
  /** Signed "form first shown at" tokens: answers sent faster than a person types are refused. */
  formTokens: FormTokens;
}
