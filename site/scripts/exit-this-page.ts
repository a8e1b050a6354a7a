// "Exit this page" as GOV.UK Frontend builds it (button, Shift three times, announcements), with
// what a person at risk needs on top: everything typed is emptied from the page, the chat is
// ended on the server, and the page is replaced in history rather than left behind it, so Back
// from the neutral site does not come back to it.
import { createAll, ExitThisPage } from 'govuk-frontend';

const CHAT_USER = 'portal-chat-user';

/** Empties every field and the chat window, so nothing typed stays in this document. */
function emptyPage(): void {
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) field.checked = false;
    else if (!(field instanceof HTMLInputElement) || !['hidden', 'submit', 'button'].includes(field.type)) field.value = '';
  }
  for (const chat of document.querySelectorAll('.app-chat__window')) chat.remove();
}

/** Ends the chat conversation on the server as the page goes. */
function forgetChat(): void {
  const user = sessionStorage.getItem(CHAT_USER);
  if (user) {
    navigator.sendBeacon('/api/chat', new Blob([JSON.stringify({ type: 'forget', user, channel: 'webhook' })], { type: 'application/json' }));
  }
  sessionStorage.clear();
}

class PortalExitThisPage extends ExitThisPage {
  exitPage(): void {
    document.body.classList.add('govuk-exit-this-page-hide-content');
    emptyPage();
    forgetChat();
    // /exit clears what the browser holds for the portal (Clear-Site-Data) before the neutral site.
    window.location.replace('/exit');
  }

  resetPage(): void {
    // Shown again from the back/forward cache after leaving: fetch it afresh (the server kept nothing).
    if (document.body.classList.contains('govuk-exit-this-page-hide-content')) {
      window.location.reload();
      return;
    }
    super.resetPage();
  }
}

/** Starts every Exit this page control in `root` that is not started yet. */
export function startExitThisPage(root: Element | Document = document): void {
  createAll(PortalExitThisPage, undefined, root instanceof Document ? undefined : root);
}
