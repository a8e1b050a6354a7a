import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { ConfigError } from '../config-error';
import { questionsOf, type Definition } from '../definitions/types';
import { routingSchema, type Routing } from './routing-schema';

/** Reads and checks a routing file; any mistake is a ConfigError naming the file and the field. */
export function loadRouting(file: string, definitions: Definition[]): Routing {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, 'cannot read the routing file');
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    const line = err instanceof YAMLParseError ? `line ${err.linePos?.[0].line}: ` : '';
    throw new ConfigError(file, `${line}not valid YAML`);
  }
  const parsed = routingSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(file, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  checkReferences(file, parsed.data, definitions);
  return parsed.data;
}

function checkReferences(file: string, routing: Routing, definitions: Definition[]): void {
  const fail = (path: string, problem: string) => {
    throw new ConfigError(file, `${path}: ${problem}`);
  };
  const partnerIds = new Set<string>();
  routing.partners.forEach((partner, i) => {
    if (partnerIds.has(partner.id)) fail(`partners.${i}.id`, `"${partner.id}" is used twice`);
    partnerIds.add(partner.id);
  });
  routing.housingProviders.forEach((id, i) => {
    if (!partnerIds.has(id)) fail(`housingProviders.${i}`, `no partner has the id "${id}"`);
  });
  routing.rules.forEach((rule, i) => {
    const definition = definitions.find((d) => d.id === rule.report);
    if (!definition) fail(`rules.${i}.report`, `no report type "${rule.report}"`);
    rule.to.forEach((id, j) => {
      if (!partnerIds.has(id)) fail(`rules.${i}.to.${j}`, `no partner has the id "${id}"`);
    });
    rule.fields?.forEach((field, j) => {
      if (!questionsOf(definition!).some((q) => q.id === field && q.kind !== 'notice')) {
        fail(`rules.${i}.fields.${j}`, `report type "${rule.report}" has no question "${field}"`);
      }
    });
    for (const [questionId, values] of Object.entries(rule.when ?? {})) {
      const question = questionsOf(definition!).find((q) => q.id === questionId);
      if (!question) fail(`rules.${i}.when.${questionId}`, `report type "${rule.report}" has no such question`);
      const options = [
        ...(question!.optionsFrom === 'housingProviders' ? routing.housingProviders : []),
        ...(question!.options ?? []),
        ...(question!.kind === 'consent' ? ['yes'] : []),
      ];
      values.forEach((value, j) => {
        if (!options.includes(value)) fail(`rules.${i}.when.${questionId}.${j}`, `"${value}" is not an answer to that question`);
      });
    }
  });
  // A report with no default recipient could be accepted and then sent to nobody.
  for (const definition of definitions) {
    if (!routing.rules.some((rule) => rule.report === definition.id && !rule.when)) {
      fail('rules', `no rule without "when" for report type "${definition.id}", so some reports would reach nobody`);
    }
  }
}
