import type { TFunction } from 'i18next';
import type { CaseReviewThreshold } from '../repeats/flags';

/**
 * The ASB Case Review explained as a right, from the partnership's own threshold: never a count
 * of anyone's reports, since whoever typed a phone number need not be the person who owns it.
 */
export function caseReviewRight(threshold: CaseReviewThreshold, t: TFunction): string {
  return t('caseReview.right', { count: threshold.minReports, months: threshold.windowMonths });
}
