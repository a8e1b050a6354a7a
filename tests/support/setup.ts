import { wordingOf } from '../../api/routing/wording';
import { usePartnershipTimeZone } from '../../api/time';
import { useWording } from '../../i18n';
import { activePartnership, partnershipRouting, type PartnershipName } from './fixtures';

/** A partnership's configuration, with its names in the portal's words and its time zone in use. */
export function partnershipSetup(name: PartnershipName = activePartnership) {
  const setup = partnershipRouting(name);
  useWording(wordingOf(setup.routing.partnership));
  usePartnershipTimeZone(setup.routing.partnership.timeZone);
  return setup;
}
