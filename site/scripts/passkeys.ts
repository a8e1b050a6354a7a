// Passkey sign-in and registration for the partners' workspace (@simplewebauthn/browser). The
// server makes each challenge and checks each answer; this only carries them to the device.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

const errorBox = document.querySelector<HTMLElement>('#passkey-error');

function showError(message: string): void {
  if (!errorBox) return;
  errorBox.hidden = false;
  errorBox.querySelector('p')!.textContent = message;
  errorBox.focus();
}

async function post(url: string, body: unknown): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  const parsed = (await response.json().catch(() => ({ error: 'Something went wrong on our side. Try again.' }))) as Record<string, unknown>;
  return { ok: response.ok, body: parsed };
}

// A device that cannot make or use a passkey is told so at once, not after a click that does nothing.
async function ceremony(begin: () => Promise<{ ok: boolean; body: Record<string, unknown> }>, use: (options: never) => Promise<unknown>, finish: string): Promise<void> {
  if (!browserSupportsWebAuthn()) return showError('This browser cannot use passkeys. Use an up-to-date browser on your work device.');
  const options = await begin();
  if (!options.ok) return showError(String(options.body.error));
  let response: unknown;
  try {
    response = await use(options.body.options as never);
  } catch {
    return showError('The passkey was not used. Try again, and follow what your device asks.');
  }
  const result = await post(finish, { ceremony: options.body.ceremony, response });
  if (!result.ok) return showError(String(result.body.error));
  window.location.assign(String(result.body.next));
}

const signIn = document.querySelector<HTMLFormElement>('#sign-in');
signIn?.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = (signIn.elements.namedItem('email') as HTMLInputElement).value;
  void ceremony(() => post('/partners/passkeys/sign-in/options', { email }), (optionsJSON) => startAuthentication({ optionsJSON }), '/partners/passkeys/sign-in');
});

const register = document.querySelector<HTMLButtonElement>('#register');
register?.addEventListener('click', () => {
  const token = register.dataset.token ?? '';
  void ceremony(() => post('/partners/passkeys/register/options', { token }), (optionsJSON) => startRegistration({ optionsJSON }), '/partners/passkeys/register');
});
