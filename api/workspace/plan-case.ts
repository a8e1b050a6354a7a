import { questionsOf, type Answers, type Definition } from '../definitions/types';
import { areaOf } from '../mail/render-report';
import type { RepeatFlags } from '../repeats/flags';
import { visibleFlags, type Recipient } from '../routing/resolve-recipients';
import type { Routing } from '../routing/routing-schema';
import { acknowledgeDays } from '../routing/workspace-schema';
import type { NewCase } from '../store/workspace-store';
import { acknowledgeBy, type WorkingCalendar } from './working-days';

export const calendarOf = (routing: Routing): WorkingCalendar => ({ timeZone: routing.partnership.timeZone, closedDays: routing.workspace.closedDays });

/**
 * A report's case at one partner: what it may see and filter by (the outward code only if it
 * sees the postcode, only the flags built from answers it sees), and when it must be acknowledged.
 */
export function planCase(
  definition: Definition,
  answers: Answers,
  flags: RepeatFlags,
  recipient: Recipient,
  routing: Routing,
  receivedAt: number,
  passedFrom?: string,
): NewCase {
  const { fields } = recipient;
  const postcode = questionsOf(definition).find((q) => q.role === 'postcode');
  const seesPostcode = postcode && (!fields || fields.includes(postcode.id));
  const area = seesPostcode ? areaOf(definition, answers)?.toUpperCase() : undefined;
  const days = acknowledgeDays(routing.workspace, definition.id, recipient.partner.id);
  return {
    partnerId: recipient.partner.id,
    ...(fields && { fields }),
    ...(area && { area }),
    flags: Object.keys(visibleFlags(flags, fields)),
    dueAt: acknowledgeBy(receivedAt, days, calendarOf(routing)),
    ...(passedFrom && { passedFrom }),
  };
}
