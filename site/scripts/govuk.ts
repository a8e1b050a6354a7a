// Progressive enhancement only: every form works without this script.
import { Checkboxes, createAll, ErrorSummary, Radios } from 'govuk-frontend';

document.body.classList.add('govuk-frontend-supported');
createAll(Radios);
createAll(Checkboxes);
createAll(ErrorSummary);
