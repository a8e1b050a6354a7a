import { questionsOf, type Definition, type Question } from '../../api/definitions/types';

/** A question shown for exactly one option of a choice is revealed inside that option. */
export function parentOption(definition: Definition, question: Question): { parent: string; option: string } | undefined {
  const when = question.showWhen;
  if (!when || when.in.length !== 1) return undefined;
  const parent = questionsOf(definition).find((q) => q.id === when.question);
  if (!parent || (parent.kind !== 'choice' && parent.kind !== 'multichoice')) return undefined;
  return { parent: parent.id, option: when.in[0] };
}

export function revealedBy(definition: Definition, parentId: string, option: string): Question[] {
  return questionsOf(definition).filter((q) => {
    const nest = parentOption(definition, q);
    return nest?.parent === parentId && nest.option === option;
  });
}
