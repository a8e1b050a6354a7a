import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { NOW } from '../../support/fixtures';
import { partnershipSetup } from '../../support/setup';

// Each definition carries its own examples; adding a question means adding its examples there.
const { definitions } = partnershipSetup();

describe.each(definitions.map((d) => [d.id, d] as const))('the %s definition', (_id, definition) => {
  it.each(definition.examples.valid.map((e) => [e.name, e] as const))('accepts its valid example: %s', (_name, example) => {
    expect(validateAnswers(definition, example.answers, NOW)).toMatchObject({ ok: true });
  });

  it.each(definition.examples.invalid.map((e) => [e.name, e] as const))('refuses its invalid example: %s', (_name, example) => {
    const result = validateAnswers(definition, example.answers, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject(example.error!);
  });
});
