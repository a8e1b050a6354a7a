// The chat window's code loads only when someone opens it.
const root = document.querySelector<HTMLElement>('[data-chat]');
if (root) {
  root.hidden = false;
  const open = root.querySelector<HTMLButtonElement>('[data-chat-open]')!;
  open.addEventListener('click', () => {
    void import('./chat-widget').then(({ openChat }) => openChat(root, open));
  });
  // Leaving by "Exit this page" also ends the conversation on the server.
  document.querySelector('.govuk-js-exit-this-page-button')?.addEventListener('click', () => {
    const user = sessionStorage.getItem('portal-chat-user');
    if (user) {
      navigator.sendBeacon('/api/chat', new Blob([JSON.stringify({ type: 'forget', user, channel: 'webhook' })], { type: 'application/json' }));
    }
  });
}
