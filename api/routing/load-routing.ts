import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../config-error';
import { DANGER_QUESTION, questionsOf, type Definition } from '../definitions/types';
import { routingSchema, type Routing } from './routing-schema';

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}

/**
 * Reads and checks a routing file. Every mistake is found at once and reported in one line
 * naming the file, and for each mistake its line and field, so no report is ever routed by a
 * broken rule and nobody fixes one mistake only to meet the next.
 */
export function loadRouting(file: string, definitions: Definition[]): Routing {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, 'cannot read the routing file');
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const at = doc.errors[0].linePos?.[0].line ?? lines.linePos(doc.errors[0].pos[0]).line;
    throw new ConfigError(file, `line ${at}: not valid YAML`);
  }
  const parsed = routingSchema.safeParse(doc.toJS());
  const problems: Problem[] = parsed.success
    ? checkReferences(parsed.data, definitions)
    : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  if (problems.length > 0) {
    const described = problems.map((p) => `${lineOf(doc, lines, p.path)}${p.path.join('.') || '(top level)'}: ${p.message}`);
    throw new ConfigError(file, problems.length === 1 ? described[0] : `${problems.length} problems: ${described.join('; ')}`);
  }
  return (parsed as { data: Routing }).data;
}

/** "line 12: " for the nearest node of the path that the file has. */
function lineOf(doc: Document, lines: LineCounter, path: Path): string {
  for (let end = path.length; end >= 0; end--) {
    const node = end === 0 ? doc.contents : doc.getIn(path.slice(0, end), true);
    if (isNode(node) && node.range) return `line ${lines.linePos(node.range[0]).line}: `;
  }
  return '';
}

function checkReferences(routing: Routing, definitions: Definition[]): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: Path, message: string) => problems.push({ path, message });
  const partnerIds = new Set<string>();
  routing.partners.forEach((partner, i) => {
    if (partnerIds.has(partner.id)) fail(['partners', i, 'id'], `"${partner.id}" is used twice`);
    partnerIds.add(partner.id);
  });
  routing.housingProviders.forEach((id, i) => {
    if (!partnerIds.has(id)) fail(['housingProviders', i], `no partner has the id "${id}"`);
  });
  const types = new Set(definitions.map((d) => d.id));
  const { repeats } = routing;
  repeats.reportTypes.forEach((id, i) => types.has(id) || fail(['repeats', 'reportTypes', i], `no report type "${id}"`));
  repeats.caseReview.reportTypes.forEach((id, i) => types.has(id) || fail(['repeats', 'caseReview', 'reportTypes', i], `no report type "${id}"`));
  routing.rules.forEach((rule, i) => {
    const definition = definitions.find((d) => d.id === rule.report);
    rule.to.forEach((id, j) => partnerIds.has(id) || fail(['rules', i, 'to', j], `no partner has the id "${id}"`));
    if (!definition) return fail(['rules', i, 'report'], `no report type "${rule.report}"`);
    const answerable = questionsOf(definition).filter((q) => q.kind !== 'notice');
    const has = (id: string) => answerable.some((q) => q.id === id);
    rule.fields?.forEach((field, j) => has(field) || fail(['rules', i, 'fields', j], `report type "${rule.report}" has no question "${field}"`));
    rule.withheld?.forEach((field, j) => {
      if (!has(field)) fail(['rules', i, 'withheld', j], `report type "${rule.report}" has no question "${field}"`);
      else if (rule.fields?.includes(field)) fail(['rules', i, 'withheld', j], `"${field}" is in fields too`);
    });
    if (rule.withheld && !rule.fields) fail(['rules', i, 'withheld'], 'only a rule with fields can withhold questions');
    // A partner who sees only some answers decides about each question, new ones included.
    if (rule.fields) {
      const undecided = answerable
        .map((q) => q.id)
        .filter((id) => id !== DANGER_QUESTION && !definition.printFirst.includes(id) && !rule.fields!.includes(id) && !rule.withheld?.includes(id));
      if (undecided.length > 0) {
        fail(['rules', i], `${rule.to.join(', ')} must decide about ${undecided.map((q) => `"${q}"`).join(', ')}: add each to fields (they receive it) or to withheld (they do not)`);
      }
    }
    for (const [questionId, values] of Object.entries(rule.when ?? {})) {
      const question = questionsOf(definition).find((q) => q.id === questionId);
      if (!question) {
        fail(['rules', i, 'when', questionId], `report type "${rule.report}" has no such question`);
        continue;
      }
      const options = [
        ...(question.optionsFrom === 'housingProviders' ? routing.housingProviders : []),
        ...(question.options ?? []),
        ...(question.kind === 'consent' ? ['yes'] : []),
      ];
      values.forEach((value, j) => options.includes(value) || fail(['rules', i, 'when', questionId, j], `"${value}" is not an answer to that question`));
    }
  });
  const staffOf = new Map<string, string>();
  routing.partners.forEach((partner, i) =>
    partner.staff.forEach((email, j) => {
      const other = staffOf.get(email);
      if (other) fail(['partners', i, 'staff', j], `${email} is on ${other}'s staff already: a person works for one partner`);
      staffOf.set(email, partner.id);
    }),
  );
  const { acknowledge } = routing.workspace;
  for (const definition of definitions) {
    if (acknowledge.workingDays[definition.id] === undefined) fail(['workspace', 'acknowledge', 'workingDays'], `no time to acknowledge "${definition.id}" reports`);
  }
  Object.keys(acknowledge.workingDays).forEach((id) => types.has(id) || fail(['workspace', 'acknowledge', 'workingDays', id], `no report type "${id}"`));
  for (const [partnerId, byType] of Object.entries(acknowledge.partners)) {
    if (!partnerIds.has(partnerId)) fail(['workspace', 'acknowledge', 'partners', partnerId], `no partner has the id "${partnerId}"`);
    Object.keys(byType).forEach((id) => types.has(id) || fail(['workspace', 'acknowledge', 'partners', partnerId, id], `no report type "${id}"`));
  }
  // A report with no default recipient could be accepted and then sent to nobody.
  for (const definition of definitions) {
    if (!routing.rules.some((rule) => rule.report === definition.id && !rule.when)) {
      fail(['rules'], `no rule without "when" for report type "${definition.id}", so some reports would reach nobody`);
    }
  }
  return problems;
}
