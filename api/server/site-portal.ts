import type { Definition } from '../definitions/types';
import type { IntakeResult, Submission } from '../intake/intake';

/**
 * What on-demand pages get from the server, as Astro.locals.portal: the one running store and
 * configuration, rather than a second copy bundled into the site.
 */
export interface SitePortal {
  definitions: Definition[];
  submit(definition: Definition, submission: Submission): IntakeResult;
}
