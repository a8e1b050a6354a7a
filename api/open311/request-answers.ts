import type { TFunction } from 'i18next';
import { errorMessage } from '../definitions/messages';
import type { FieldError } from '../definitions/schema';
import { questionsOf, type Answers, type Definition } from '../definitions/types';
import { dateIn } from '../time';
import { attributeQuestions } from './services';
import { fieldOf, standardQuestions, type StandardAnswer } from './standard-fields';

export type Mapped = { ok: true; answers: Answers } | { ok: false; problems: string[] };

/** Read elsewhere (api_key, service_code), or about the sending system rather than the report and not kept. */
// media_url too: FixMyStreet sends one with every photo, and a report must not be refused for it;
// the portal takes no photos, and the notice in the answer says the photo was not passed on.
const NOT_ANSWERS = new Set(['api_key', 'service_code', 'jurisdiction_id', 'device_id', 'account_id', 'media_url']);
const STANDARD: Record<string, StandardAnswer> = {
  description: 'description',
  email: 'email',
  phone: 'phone',
  first_name: 'name',
  last_name: 'name',
  address_string: 'address',
  lat: 'address',
  long: 'address',
};
const REFUSED: Record<string, string> = {
  address_id: 'address_id: this portal has no address register; send address_string, or lat and long',
};
const ATTRIBUTE = /^attribute\[([^[\]]+)\](\[\])?$/;
const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// A name a client sent is repeated in the error it caused, never at any length.
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

/**
 * A GeoReport v2 request's fields as the report type's answers: its standard fields where the
 * type has a question for them, and attribute[code] (attribute[code][] for a list) by question
 * id. Everything else is refused by name, so nothing sent is silently lost.
 */
export function answersFrom(definition: Definition, form: URLSearchParams): Mapped {
  const problems: string[] = [];
  const given = new Map<string, string[]>();
  for (const [name, value] of form) {
    // GeoReport v2: an empty field is the same as one not sent.
    if (value.trim() === '' || NOT_ANSWERS.has(name)) continue;
    given.set(name, [...(given.get(name) ?? []), value]);
  }
  const standard = standardQuestions(definition);
  const attributes = attributeQuestions(definition).filter((q) => q.kind !== 'notice');
  const answers: Answers = {};
  const single = (name: string): string | undefined => {
    const values = given.get(name);
    if (values && values.length > 1) problems.push(`${name}: give it once`);
    return values?.[0];
  };

  for (const [name, values] of given) {
    const attribute = ATTRIBUTE.exec(name);
    if (attribute) {
      const question = attributes.find((q) => q.id === attribute[1]);
      if (!question) problems.push(`${shown(name)}: this service has no such attribute (GET its service definition for them)`);
      else if (question.kind === 'multichoice') answers[question.id] = [...((answers[question.id] as string[] | undefined) ?? []), ...values];
      else if (attribute[2] || values.length > 1) problems.push(`attribute[${question.id}]: takes one value`);
      else answers[question.id] = question.kind === 'date' ? asDate(values[0]) : values[0];
    } else if (REFUSED[name]) {
      problems.push(REFUSED[name]);
    } else if (!STANDARD[name]) {
      problems.push(`${shown(name)}: not a field of a GeoReport v2 request`);
    } else if (!standard[STANDARD[name]]) {
      problems.push(`${name}: this service does not take it`);
    }
  }

  for (const field of ['description', 'email', 'phone'] as const) {
    const value = single(field);
    if (value !== undefined && standard[field]) answers[standard[field].id] = value;
  }
  const name = [single('first_name'), single('last_name')].filter(Boolean).join(' ');
  if (name && standard.name) answers[standard.name.id] = name;
  const place = placeFrom(single('address_string'), single('lat'), single('long'), problems);
  if (place && standard.address) answers[standard.address.id] = place;

  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** The place as the report keeps it: the address, then the position written out (the portal has no map). */
function placeFrom(address: string | undefined, lat: string | undefined, long: string | undefined, problems: string[]): string | undefined {
  if ((lat === undefined) !== (long === undefined)) {
    problems.push('lat and long: send both, or neither');
    return undefined;
  }
  if (lat !== undefined && long !== undefined) {
    const [y, x] = [Number(lat), Number(long)];
    if (!DECIMAL.test(lat) || Math.abs(y) > 90) problems.push('lat: must be a latitude in decimal degrees, from -90 to 90');
    if (!DECIMAL.test(long) || Math.abs(x) > 180) problems.push('long: must be a longitude in decimal degrees, from -180 to 180');
    const position = `${lat}, ${long}`;
    return address ? `${address} (${position})` : position;
  }
  return address;
}

/** A datetime attribute may come as a full ISO 8601 time: the report keeps its date where the partnership is. */
function asDate(value: string): string {
  return W3C_DATETIME.test(value) && !Number.isNaN(Date.parse(value)) ? dateIn(new Date(value)) : value;
}

/** Validation errors as plain English, each naming the field or attribute to correct. */
export function problemsOf(definition: Definition, errors: FieldError[], t: TFunction): string[] {
  return errors.map((error) => {
    const message = errorMessage(definition, error, t);
    if (!error.path) return message;
    const question = questionsOf(definition).find((q) => q.id === error.path);
    const keys = error.code === 'invalid' && question?.options ? ` Use one of: ${question.options.join(', ')}.` : '';
    return `${fieldOf(definition, error.path)}: ${message}${keys}`;
  });
}
