// govuk-frontend ships JavaScript without type declarations; these are the parts the portal uses.
declare module 'govuk-frontend' {
  type Component = abstract new (...args: never[]) => unknown;
  export const ErrorSummary: Component;
  export class ExitThisPage {
    static moduleName: string;
    constructor($root: Element);
    exitPage(): void;
    resetPage(): void;
  }
  export function createAll(component: Component | typeof ExitThisPage, config?: undefined, scope?: Element): unknown[];
}
