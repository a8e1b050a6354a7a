// The chat window's code loads only when someone opens it.
const root = document.querySelector<HTMLElement>('[data-chat]');
if (root) {
  root.hidden = false;
  const open = root.querySelector<HTMLButtonElement>('[data-chat-open]')!;
  open.addEventListener('click', () => {
    void import('./chat-widget').then(({ openChat }) => openChat(root, open));
  });
  // Leaving by "Exit this page" (button or Shift three times) also ends the conversation on the
  // server: GOV.UK's script marks the page as it leaves, and that mark is the signal.
  const forget = () => {
    const user = sessionStorage.getItem('portal-chat-user');
    if (!user) return;
    navigator.sendBeacon('/api/chat', new Blob([JSON.stringify({ type: 'forget', user, channel: 'webhook' })], { type: 'application/json' }));
    sessionStorage.removeItem('portal-chat-user');
  };
  new MutationObserver(() => {
    if (document.body.classList.contains('govuk-exit-this-page-hide-content')) forget();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
