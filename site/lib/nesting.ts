import { questionsOf, type Definition, type Question } from '../../api/definitions/types';

/**
 * A question shown for exactly one option of a choice is revealed inside that option. One that
 * depends on a question revealed that way goes inside the same option, after it, so it is never
 * shown to someone the first question was not for (the adult's details to an adult, say).
 */
export function parentOption(definition: Definition, question: Question): { parent: string; option: string } | undefined {
  const when = question.showWhen;
  if (!when) return undefined;
  const parent = questionsOf(definition).find((q) => q.id === when.question);
  if (!parent || (parent.kind !== 'choice' && parent.kind !== 'multichoice')) return undefined;
  if (when.in.length === 1) return { parent: parent.id, option: when.in[0] };
  return parentOption(definition, parent);
}

export function revealedBy(definition: Definition, parentId: string, option: string): Question[] {
  return questionsOf(definition).filter((q) => {
    const nest = parentOption(definition, q);
    return nest?.parent === parentId && nest.option === option;
  });
}
