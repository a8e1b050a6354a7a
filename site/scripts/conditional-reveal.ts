// Shows a question only while the answer it depends on is chosen. GOV.UK Frontend's own Radios
// script also sets aria-expanded on the radio, which ARIA does not allow on a radio (axe:
// aria-allowed-attr), so the portal does the reveal itself, with the same markup and classes.
// Without JavaScript every conditional question stays visible, and the server ignores answers
// to questions whose condition does not hold.
export function initConditionalReveal(root: Document = document): void {
  const controllers = [...root.querySelectorAll<HTMLInputElement>('input[data-aria-controls]')];
  const update = () => {
    for (const input of controllers) {
      const target = root.getElementById(input.dataset.ariaControls ?? '');
      if (!target) continue;
      const hiddenClass = input.type === 'radio' ? 'govuk-radios__conditional--hidden' : 'govuk-checkboxes__conditional--hidden';
      target.classList.toggle(hiddenClass, !input.checked);
      input.setAttribute('aria-controls', target.id);
    }
  };
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')) {
    input.addEventListener('change', update);
  }
  update();
}
