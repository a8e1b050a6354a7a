import type { Wording } from '../../i18n';
import type { Routing } from './routing-schema';

/** The names a partnership's file gives, as the portal's words use them. */
export function wordingOf(partnership: Routing['partnership']): Wording {
  return {
    siteName: partnership.siteName,
    partnershipName: partnership.name,
    area: partnership.area,
    region: partnership.region,
    examplePostcode: partnership.examplePostcode,
    exampleStreet: partnership.exampleStreet,
  };
}
