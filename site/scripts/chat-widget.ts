// A small chat window written for this portal: no third-party script, no request anywhere but
// /api/chat. Messages are announced politely to screen readers; everything is text, never HTML.

interface BotMessage {
  text?: string;
  quick_replies?: { title: string; payload: string }[];
  links?: { title: string; url: string }[];
}

const USER_KEY = 'portal-chat-user';
const OPEN_KEY = 'portal-chat-open';

function el(tag: string, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Opens the chat window (focus: when the reader asked for it, not when it follows them to a new page). */
export function openChat(root: HTMLElement, opener: HTMLButtonElement, focus = true): void {
  sessionStorage.setItem(OPEN_KEY, 'yes');
  const existing = root.querySelector<HTMLElement>('.app-chat__window');
  if (existing) {
    existing.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    existing.querySelector('input')?.focus();
    return;
  }
  const texts = JSON.parse(root.dataset.texts ?? '{}') as Record<string, string>;
  const locale = document.documentElement.lang || 'en';
  let user = sessionStorage.getItem(USER_KEY);
  if (!user) {
    user = crypto.randomUUID();
    sessionStorage.setItem(USER_KEY, user);
  }

  const log = el('div', { className: 'app-chat__log', tabIndex: 0 });
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', texts.title);
  const replies = el('div', { className: 'app-chat__replies' });
  const input = el('input', { className: 'govuk-input', id: 'chat-input', type: 'text', autocomplete: 'off', maxLength: 5000 }) as HTMLInputElement;
  const form = el(
    'form',
    { className: 'app-chat__form' },
    el('label', { className: 'govuk-label', htmlFor: 'chat-input', textContent: texts.input }),
    input,
    el('button', { className: 'govuk-button govuk-!-margin-bottom-0', type: 'submit', textContent: texts.send }),
  );
  const close = el('button', { className: 'govuk-button govuk-button--secondary', type: 'button', textContent: texts.close });
  const exit = el('button', { className: 'govuk-button govuk-button--warning', type: 'button', textContent: texts.exit });
  const win = el(
    'section',
    { className: 'app-chat__window' },
    el('h2', { className: 'govuk-heading-m', id: 'chat-title', textContent: texts.title }),
    el('p', { className: 'govuk-body-s', textContent: texts.intro }),
    log,
    replies,
    form,
    el('div', { className: 'govuk-button-group' }, close, exit),
  );
  win.setAttribute('aria-labelledby', 'chat-title');
  // Wherever the chat opens, it carries Exit this page (button and Shift three times).
  const exitControl = root.querySelector<HTMLTemplateElement>('template[data-chat-exit]');
  if (exitControl) win.prepend(exitControl.content.cloneNode(true));
  root.append(win);
  opener.setAttribute('aria-expanded', 'true');
  document.body.classList.add('govuk-frontend-supported');
  void import('./exit-this-page').then(({ startExitThisPage }) => startExitThisPage(win));

  const show = (who: string, text: string, mine: boolean) => {
    log.append(el('p', { className: `app-chat__message${mine ? ' app-chat__message--mine' : ''}` }, el('span', { className: 'govuk-visually-hidden', textContent: `${who}: ` }), text));
    log.scrollTop = log.scrollHeight;
  };

  const render = (messages: BotMessage[]) => {
    replies.replaceChildren();
    for (const message of messages) {
      if (message.text) show(texts.bot, message.text, false);
      for (const link of message.links ?? []) {
        // Only the portal's own pages are linked.
        if (!link.url.startsWith('/') || link.url.startsWith('//')) continue;
        log.append(el('p', { className: 'app-chat__message' }, el('a', { className: 'govuk-link', href: link.url, textContent: link.title })));
      }
      for (const reply of message.quick_replies ?? []) {
        const button = el('button', { className: 'govuk-button govuk-button--secondary app-chat__reply', type: 'button', textContent: reply.title });
        button.addEventListener('click', () => void say(reply.payload, reply.title));
        replies.append(button);
      }
    }
  };

  const post = async (body: object): Promise<BotMessage[]> => {
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'webhook', user, ...body }),
    });
    if (!res.ok) throw new Error(String(res.status));
    return (await res.json()) as BotMessage[];
  };

  const say = async (text: string, shown = text) => {
    show(texts.you, shown, true);
    try {
      render(await post({ type: 'message', text, locale }));
    } catch {
      show(texts.bot, texts.error, false);
    }
    input.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    void say(text);
  });
  close.addEventListener('click', () => {
    sessionStorage.removeItem(OPEN_KEY);
    win.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    opener.focus();
  });
  exit.addEventListener('click', () => {
    void post({ type: 'forget' }).catch(() => undefined);
    sessionStorage.removeItem(USER_KEY);
    sessionStorage.removeItem(OPEN_KEY);
    win.remove();
    opener.setAttribute('aria-expanded', 'false');
    opener.focus();
  });

  // "hello" carries on a conversation in progress (the reader moved to another page), or starts one.
  void post({ type: 'hello', locale }).then(render, () => show(texts.bot, texts.error, false));
  if (focus) input.focus();
}
