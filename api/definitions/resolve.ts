import type { Routing } from '../routing/routing-schema';
import { acknowledgeDays } from '../routing/workspace-schema';
import type { Definition } from './types';

/** Fills what comes from the partnership's configuration: its housing providers, its promise to acknowledge. */
export function resolveDefinition(definition: Definition, routing: Routing): Definition {
  const providers = routing.housingProviders.map((id) => routing.partners.find((p) => p.id === id)!);
  return {
    ...definition,
    acknowledgeDays: acknowledgeDays(routing.workspace, definition.id),
    sections: definition.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) =>
        question.optionsFrom === 'housingProviders'
          ? {
              ...question,
              options: [...providers.map((p) => p.id), ...(question.options ?? [])],
              optionNames: Object.fromEntries(providers.map((p) => [p.id, p.name])),
            }
          : question,
      ),
    })),
  };
}
