// The chat window's code loads only when someone opens it. A conversation in progress follows
// the reader from page to page (it is kept on the server, by a random id in this tab's session
// storage) until they leave it, use Exit this page, or it expires.
const root = document.querySelector<HTMLElement>('[data-chat]');
if (root) {
  root.hidden = false;
  const open = root.querySelector<HTMLButtonElement>('[data-chat-open]')!;
  const start = (focus: boolean) => void import('./chat-widget').then(({ openChat }) => openChat(root, open, focus));
  open.addEventListener('click', () => start(true));
  if (sessionStorage.getItem('portal-chat-open') === 'yes') start(false);
}
