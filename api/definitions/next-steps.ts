import type { TFunction } from 'i18next';
import type { Definition } from './types';

/**
 * What happens next, as every confirmation tells it: within the time the partnership promised
 * for this type (the workspace holds partners to the same setting).
 */
export function nextSteps(definition: Definition, t: TFunction, key = `form.confirmation.next.${definition.id}`): string {
  if (definition.acknowledgeDays === undefined) throw new Error(`report type "${definition.id}" was not resolved against the partnership file`);
  return t(key, { within: t('form.confirmation.within', { count: definition.acknowledgeDays }) });
}
