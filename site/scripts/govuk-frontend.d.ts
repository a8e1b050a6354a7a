// govuk-frontend ships JavaScript without type declarations; these are the parts the portal uses.
declare module 'govuk-frontend' {
  type Component = abstract new (...args: never[]) => unknown;
  export const ErrorSummary: Component;
  export const ExitThisPage: Component;
  export function createAll(component: Component): unknown[];
}
