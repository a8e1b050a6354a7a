import type { CaseStatus, Outcome } from '../../api/store/workspace-store';

// The workspace's fixed words: its staff read it in English.
export const STATUS_NAMES: Record<CaseStatus, string> = { new: 'New', acknowledged: 'Acknowledged', 'in-progress': 'In progress', closed: 'Closed' };
export const STATUS_TAGS: Record<CaseStatus, string> = { new: 'govuk-tag--blue', acknowledged: 'govuk-tag--turquoise', 'in-progress': 'govuk-tag--yellow', closed: 'govuk-tag--grey' };
export const OUTCOME_NAMES: Record<Outcome, string> = {
  resolved: 'Resolved',
  'no-further-action': 'No further action',
  'passed-on': 'Passed to another partner',
  duplicate: 'Duplicate',
};
export const FLAG_NAMES: Record<string, string> = {
  repeatVictim: 'Repeat victim',
  repeatLocation: 'Repeat location',
  repeatStreet: 'Repeat street',
  caseReview: 'Case Review threshold',
  communityCaseReview: 'Community Case Review threshold',
};
