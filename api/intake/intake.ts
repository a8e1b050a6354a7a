import { createHash } from 'node:crypto';
import { validateAnswers, type FieldError } from '../definitions/schema';
import { answerByRole, type Definition, type Role } from '../definitions/types';
import { resolveRecipients } from '../routing/resolve-recipients';
import type { Routing } from '../routing/routing-schema';
import { ReferenceTaken, SubmissionTaken, type PlannedDelivery, type Store } from '../store/store';
import { newReference } from './reference';
import { planCase } from '../workspace/plan-case';
import type { CodeIssuer } from '../follow-up/codes';
import { repeatFlags, windowsStart } from '../repeats/flags';
import { matchKeys } from '../repeats/keys';
import { normaliseStreet, postcodeSector } from '../repeats/normalise';

// Only the reference just issued: nothing about earlier reports, which anyone could claim by
// typing someone else's phone number.
// The follow-up code is shown with the reference once; a repeated submission gets the reference only.
export type IntakeResult = { ok: true; reference: string; followUpCode?: string } | { ok: false; errors: FieldError[] };

export interface IntakeDeps {
  store: Store;
  routing: Routing;
  now: () => Date;
  /** Called once a report is stored, so the outbox can send without waiting for its next tick. */
  onStored?: () => void;
  /** The key for matching repeat victims and places; without it, no matching. */
  matchSecret?: Buffer;
  /** Issues follow-up codes; without it, reports get none. */
  codes?: CodeIssuer;
}

export interface Submission {
  answers: unknown;
  locale: string;
  /** Makes a repeated submission (a double click, a refresh, a retried request) return the first reference. */
  submissionKey?: string;
  /** The Open311 client that sent it, if one did. */
  source?: string;
}

/**
 * Validates, then stores the report and one planned delivery per partner in one transaction.
 * Only after that returns is the reporter told their reference: nothing acknowledged is lost.
 */
export async function intake(deps: IntakeDeps, definition: Definition, submission: Submission): Promise<IntakeResult> {
  const now = deps.now();
  const validation = validateAnswers(definition, submission.answers, now);
  if (!validation.ok) return validation;

  // A key is bound to its report type and to the answers it was first used with: the same key
  // again with other answers is refused, never answered with another report's reference.
  const submissionKey = submission.submissionKey && `${definition.id}:${submission.submissionKey}`;
  const submissionDigest = createHash('sha256').update(canonical(validation.answers)).digest('hex');
  const madeWithKey = async (): Promise<IntakeResult | undefined> => {
    const earlier = submissionKey ? await deps.store.reportForSubmission(submissionKey) : undefined;
    if (earlier && earlier.digest !== null && earlier.digest !== submissionDigest) {
      return { ok: false, errors: [{ path: '', code: 'keyReused' }] };
    }
    if (earlier) return { ok: true, reference: earlier.reference };
  };
  const made = await madeWithKey();
  if (made) return made;
  const recipients = resolveRecipients(definition, validation.answers, deps.routing);
  // Each partner by each of its methods: email, its case system's webhook, both, or neither (the workspace alone).
  const deliveries: PlannedDelivery[] = recipients.flatMap(({ partner, fields }) =>
    partner.send.map((channel): PlannedDelivery => ({ kind: 'report', channel, partnerId: partner.id, recipient: channel === 'email' ? partner.email : partner.id, fields })),
  );
  const by = (role: Role) => answerByRole(definition, validation.answers, role);
  const email = by('reporterEmail');
  const followUp = deps.codes?.take();
  if (by('confirmationWanted') === 'yes' && email) {
    deliveries.push({ kind: 'confirmation', partnerId: 'reporter', recipient: email, ...(followUp && { payload: followUp.code }) });
  }
  const repeats = deps.routing.repeats;
  const matching = deps.matchSecret && repeats.reportTypes.includes(definition.id);
  const matches = matching ? matchKeys(definition, validation.answers, deps.matchSecret!) : [];
  const earlier = matching ? await deps.store.earlier(matches, windowsStart(now.getTime(), repeats)) : undefined;
  for (let attempt = 0; ; attempt++) {
    const reference = newReference(definition.referencePrefix);
    const [date, postcode, street] = [by('incidentDate'), by('postcode'), by('street')];
    const flags = earlier
      ? await repeatFlags(
          {
            reference,
            type: definition.id,
            createdAt: now.getTime(),
            ...(date && { incidentDate: date }),
            ...(postcode && { area: postcodeSector(postcode) }),
            ...(street && normaliseStreet(street) && { street: normaliseStreet(street) }),
          },
          earlier,
          repeats,
        )
      : {};
    try {
      await deps.store.saveReport({
        reference,
        type: definition.id,
        locale: submission.locale,
        answers: validation.answers,
        submissionKey,
        submissionDigest,
        createdAt: now.getTime(),
        deliveries,
        matches,
        ...(date && { incidentDate: date }),
        flags,
        ...(followUp && { followUpHash: followUp.hash }),
        ...(submission.source && { source: submission.source }),
        cases: recipients.map((r) => planCase(definition, validation.answers, flags, r, deps.routing, now.getTime())),
      });
      deps.onStored?.();
      return { ok: true, reference, ...(followUp && { followUpCode: followUp.code }) };
    } catch (err) {
      // The same submission sent twice at once: the first to commit made the report.
      if (err instanceof SubmissionTaken) return (await madeWithKey())!;
      if (!(err instanceof ReferenceTaken) || attempt >= 5) throw err;
    }
  }
}

/** The answers as one string, the same whatever order they came in. */
function canonical(answers: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(answers).sort().map((key) => [key, answers[key]]));
}
