import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitions } from '../../../api/report-types';
import { loadRouting } from '../../../api/routing/load-routing';
import { parse, stringify } from 'yaml';
import { partnershipFile } from '../../support/fixtures';
import { tempDir } from '../../support/temp';

const dir = tempDir();
afterAll(dir.remove);

// The fixture's promises, without those of partners this file does not have.
function withoutPartners(workspace: { acknowledge: object }) {
  return { ...workspace, acknowledge: { ...workspace.acknowledge, partners: {} } };
}

const good = `
partnership: { name: Test, siteName: Safer Test, area: Testville, region: Testshire, examplePostcode: TE1 1ST, exampleStreet: High Street, adminEmail: admin@example.org }
partners:
  - { id: council-asb, name: Council, email: asb@example.org }
  - { id: police, name: Police, email: police@example.org }
rules:
  - { report: asb, to: [council-asb] }
  - { report: asb, when: { kind: [drugs] }, to: [police] }
  - { report: hate-crime, to: [police] }
${definitions
  .filter((d) => d.id !== 'asb' && d.id !== 'hate-crime')
  .map((d) => `  - { report: ${d.id}, to: [council-asb] }`)
  .join('\n')}
${stringify({ legal: parse(readFileSync(partnershipFile(), 'utf8')).legal })}
${stringify({ workspace: withoutPartners(parse(readFileSync(partnershipFile(), 'utf8')).workspace) })}`;

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
    ['a rule naming an unknown partner', good.replace('to: [police]', 'to: [polise]'), 'FILE: line 8: rules.1.to.0: no partner has the id "polise"'],
    ['an unknown report type', good.replace('report: asb, when', 'report: burglary, when'), 'FILE: line 8: rules.1.report: no report type "burglary"'],
    ['a condition on an unknown question', good.replace('kind: [drugs]', 'colour: [red]'), 'FILE: line 8: rules.1.when.colour: report type "asb" has no such question'],
    ['a condition on an answer that does not exist', good.replace('[drugs]', '[drugz]'), 'FILE: line 8: rules.1.when.kind.0: "drugz" is not an answer to that question'],
    ['a partner without a valid email', good.replace('police@example.org', 'police-at-example'), 'FILE: line 5: partners.1.email: must be an email address'],
    ['a field the schema does not know', good.replace('rules:', 'rulez: []\nrules:'), "FILE: line 2: (top level): Unrecognized key(s) in object: 'rulez'"],
    ['broken YAML', 'partners: [\n', 'FILE: line 2: not valid YAML'],
    [
      'a report type with no default rule',
      good.replace('  - { report: asb, to: [council-asb] }\n', ''),
      'FILE: line 7: rules: no rule without "when" for report type "asb", so some reports would reach nobody',
    ],
  ])('names the file and the field for %s', (_name, text, message) => {
    expect(load(text)).toBe(message);
  });

  it('reports every mistake at once, each with its line', () => {
    const text = good.replace('to: [police]', 'to: [polise]').replace('police@example.org', 'police-at-example');
    expect(load(text)).toBe('FILE: line 5: partners.1.email: must be an email address');
    const two = good.replace('to: [police]', 'to: [polise]').replace('report: hate-crime', 'report: hate-crme');
    expect(load(two)).toBe('FILE: 3 problems: line 8: rules.1.to.0: no partner has the id "polise"; line 9: rules.2.report: no report type "hate-crme"; line 7: rules: no rule without "when" for report type "hate-crime", so some reports would reach nobody');
  });

  it('makes a partner who sees only some answers decide about every question, so a new one is never left out unseen', () => {
    const restricted = good.replace('  - { report: hate-crime, to: [police] }', '  - { report: hate-crime, to: [police] }\n  - { report: asb, to: [council-asb], fields: [kind, description] }');
    const message = load(restricted);
    expect(message).toMatch(/^FILE: line 10: rules\.3: council-asb must decide about "postcode", "street", "location", /);
    expect(message).toMatch(/add each to fields \(they receive it\) or to withheld \(they do not\)$/);
  });

  it('checks the repeat settings name real report types', () => {
    const text = `${good}repeats: { reportTypes: [asb, hate-crim] }\n`;
    const line = text.split('\n').findIndex((l) => l.startsWith('repeats')) + 1;
    expect(load(text)).toBe(`FILE: line ${line}: repeats.reportTypes.1: no report type "hate-crim"`);
  });

  it('gives every report type a time to acknowledge, and a person to one partner only', () => {
    const text = good
      .replace(/\{ id: police, name: Police, email: police@example.org \}/, '{ id: police, name: Police, email: police@example.org, staff: [Officer@example.org] }')
      .replace(/\{ id: council-asb, name: Council, email: asb@example.org \}/, '{ id: council-asb, name: Council, email: asb@example.org, staff: [officer@example.org] }')
      .replace(/\n\s+hate-crime: 1(?=\n)/, '');
    const message = load(text);
    expect(message).toMatch(/^FILE: 2 problems: /);
    expect(message).toContain('partners.1.staff.0: officer@example.org is on council-asb\'s staff already: a person works for one partner');
    expect(message).toContain('workspace.acknowledge.workingDays: no time to acknowledge "hate-crime" reports');
  });

  it('says it cannot read a missing file', () => {
    expect(() => loadRouting(join(dir.path, 'missing.yaml'), definitions)).toThrow(/missing\.yaml: cannot read the routing file/);
  });
});
