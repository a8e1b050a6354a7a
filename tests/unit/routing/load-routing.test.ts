import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitions } from '../../../api/definitions';
import { loadRouting } from '../../../api/routing/load-routing';
import { tempDir } from '../../support/temp';

const dir = tempDir();
afterAll(dir.remove);

const good = `
partnership: { name: Test, adminEmail: admin@example.org }
partners:
  - { id: council-asb, name: Council, email: asb@example.org }
  - { id: police, name: Police, email: police@example.org }
rules:
  - { report: asb, to: [council-asb] }
  - { report: asb, when: { kind: [drugs] }, to: [police] }
  - { report: hate-crime, to: [police] }
  - { report: victims-hub, to: [council-asb] }
`;

function load(text: string) {
  const file = join(dir.path, `routing-${Math.random()}.yaml`);
  writeFileSync(file, text);
  try {
    loadRouting(file, definitions);
    return 'loaded';
  } catch (err) {
    return (err as Error).message.replace(file, 'FILE');
  }
}

describe('loading a routing file', () => {
  it('loads a correct file', () => {
    expect(load(good)).toBe('loaded');
  });

  it.each([
    ['a rule naming an unknown partner', good.replace('to: [police]', 'to: [polise]'), 'FILE: rules.1.to.0: no partner has the id "polise"'],
    ['an unknown report type', good.replace('report: asb, when', 'report: burglary, when'), 'FILE: rules.1.report: no report type "burglary"'],
    ['a condition on an unknown question', good.replace('kind: [drugs]', 'colour: [red]'), 'FILE: rules.1.when.colour: report type "asb" has no such question'],
    ['a condition on an answer that does not exist', good.replace('[drugs]', '[drugz]'), 'FILE: rules.1.when.kind.0: "drugz" is not an answer to that question'],
    ['a partner without a valid email', good.replace('police@example.org', 'police-at-example'), 'FILE: partners.1.email: must be an email address'],
    ['a field the schema does not know', good.replace('rules:', 'rulez: []\nrules:'), "FILE: (top level): Unrecognized key(s) in object: 'rulez'"],
    ['broken YAML', 'partners: [\n', 'FILE: line 2: not valid YAML'],
    [
      'a report type with no default rule',
      good.replace('  - { report: asb, to: [council-asb] }\n', ''),
      'FILE: rules: no rule without "when" for report type "asb", so some reports would reach nobody',
    ],
  ])('names the file and the field for %s', (_name, text, message) => {
    expect(load(text)).toBe(message);
  });

  it('says it cannot read a missing file', () => {
    expect(() => loadRouting(join(dir.path, 'missing.yaml'), definitions)).toThrow(/missing\.yaml: cannot read the routing file/);
  });
});
