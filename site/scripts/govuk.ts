// Progressive enhancement only: every page and form works without this script.
import { createAll, ErrorSummary, ExitThisPage } from 'govuk-frontend';
import { initConditionalReveal } from './conditional-reveal';

document.body.classList.add('govuk-frontend-supported');
initConditionalReveal();
createAll(ErrorSummary);
createAll(ExitThisPage);
