// Progressive enhancement only: every page and form works without this script.
import { createAll, ErrorSummary } from 'govuk-frontend';
import { initConditionalReveal } from './conditional-reveal';
import { startExitThisPage } from './exit-this-page';

document.body.classList.add('govuk-frontend-supported');
initConditionalReveal();
createAll(ErrorSummary);
startExitThisPage();
