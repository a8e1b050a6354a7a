import type { TFunction } from 'i18next';
import type { FieldError } from './schema';
import { questionKey, type Definition } from './types';

/** A validation error in the reader's language: the question's own message, else the generic one. */
export function errorMessage(definition: Definition, error: FieldError, t: TFunction): string {
  const keys = error.path
    ? [`${questionKey(definition, error.path)}.error.${error.code}`, `validation.${error.code}`]
    : [`validation.${error.code}`];
  return t(keys, error.params ?? {});
}
