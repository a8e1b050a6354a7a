import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import type { WorkspaceStore } from '../store/workspace-store';
import { hashOf } from './sessions';
import { staffMember } from './staff';

/** A sign-in or registration in progress: its challenge, for whom, for five minutes. */
interface Ceremony {
  kind: 'register' | 'sign-in';
  challenge: string;
  email: string;
  invitationHash?: string;
}

const CEREMONY_MS = 5 * 60_000;

export type PasskeyResult = { ok: true; email: string } | { ok: false; error: string };

export interface PasskeyDeps {
  store: WorkspaceStore;
  /** Where a ceremony waits between its two requests (which may reach two processes). */
  ceremonies: Pick<Store, 'saveFormDraft' | 'takeFormDraft'>;
  routing: Routing;
  /** The portal's public address: a passkey works only on the site it was made for. */
  publicUrl: URL;
  now: () => number;
}

/** Passkeys (WebAuthn) with @simplewebauthn/server: registered from an invitation, then used to sign in. */
export function passkeys(deps: PasskeyDeps) {
  const rpID = deps.publicUrl.hostname;
  const origin = deps.publicUrl.origin;
  // In the store, with the forms' drafts (its own namespace, the id kept as a hash): the second
  // request of a ceremony may reach another process. Used once; gone after five minutes.
  const key = (id: string) => hashOf(`ceremony:${id}`);

  const begin = async (ceremony: Ceremony) => {
    const id = randomUUID();
    await deps.ceremonies.saveFormDraft(key(id), JSON.stringify(ceremony), deps.now());
    return id;
  };
  const take = async (id: unknown, kind: Ceremony['kind']) => {
    if (typeof id !== 'string' || id.length > 64) return undefined;
    const json = await deps.ceremonies.takeFormDraft(key(id), deps.now(), CEREMONY_MS);
    const ceremony = json ? (JSON.parse(json) as Ceremony) : undefined;
    return ceremony?.kind === kind ? ceremony : undefined;
  };

  return {
    /** Why an invitation cannot be used, in one line, or whose it is. */
    async invitation(token: string): Promise<{ email: string } | { error: string }> {
      const found = await deps.store.invitation(hashOf(token), deps.now());
      if (found === 'used') return { error: 'This invitation has been used already. Ask your administrator for a new one.' };
      if (found === 'expired') return { error: 'This invitation has expired: it lasted 24 hours. Ask your administrator for a new one.' };
      if (!found || !staffMember(deps.routing, found.email)) return { error: 'This invitation link is not valid. Ask your administrator for a new one.' };
      return { email: found.email };
    },

    async registrationOptions(token: string) {
      const invitation = await this.invitation(token);
      if ('error' in invitation) return invitation;
      const options = await generateRegistrationOptions({
        rpName: deps.routing.partnership.siteName,
        rpID,
        userName: invitation.email,
        attestationType: 'none',
        excludeCredentials: (await deps.store.passkeysOf(invitation.email)).map((k) => ({ id: k.id, transports: k.transports })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
      const ceremony = await begin({ kind: 'register', challenge: options.challenge, email: invitation.email, invitationHash: hashOf(token) });
      return { ceremony, options };
    },

    async register(ceremonyId: unknown, response: RegistrationResponseJSON): Promise<PasskeyResult> {
      const ceremony = await take(ceremonyId, 'register');
      if (!ceremony) return { ok: false, error: 'That took too long. Open the invitation link again.' };
      let verified;
      try {
        verified = await verifyRegistrationResponse({ response, expectedChallenge: ceremony.challenge, expectedOrigin: origin, expectedRPID: rpID });
      } catch {
        return { ok: false, error: 'The passkey could not be checked. Try again.' };
      }
      if (!verified.verified) return { ok: false, error: 'The passkey could not be checked. Try again.' };
      const { credential } = verified.registrationInfo;
      const kept = await deps.store.registerPasskey(ceremony.invitationHash!, deps.now(), {
        id: credential.id,
        email: ceremony.email,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports,
      });
      if (!kept) return { ok: false, error: 'This invitation has been used already or has expired. Ask your administrator for a new one.' };
      return { ok: true, email: ceremony.email };
    },

    async signInOptions(email: string) {
      const address = email.trim().toLowerCase();
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: (await deps.store.passkeysOf(address)).map((k) => ({ id: k.id, transports: k.transports })),
        userVerification: 'preferred',
      });
      return { ceremony: await begin({ kind: 'sign-in', challenge: options.challenge, email: address }), options };
    },

    async signIn(ceremonyId: unknown, response: AuthenticationResponseJSON): Promise<PasskeyResult> {
      const ceremony = await take(ceremonyId, 'sign-in');
      if (!ceremony) return { ok: false, error: 'That took too long. Try signing in again.' };
      // Only a passkey registered to the address given: another staff member's is refused.
      const key = (await deps.store.passkeysOf(ceremony.email)).find((k) => k.id === response.id);
      if (!key || !staffMember(deps.routing, ceremony.email)) return { ok: false, error: 'That passkey is not registered to this email address.' };
      let verified;
      try {
        verified = await verifyAuthenticationResponse({
          response,
          expectedChallenge: ceremony.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: { id: key.id, publicKey: new Uint8Array(key.publicKey), counter: key.counter, transports: key.transports },
        });
      } catch {
        return { ok: false, error: 'The passkey could not be checked. Try again.' };
      }
      if (!verified.verified) return { ok: false, error: 'The passkey could not be checked. Try again.' };
      await deps.store.passkeyUsed(key.id, verified.authenticationInfo.newCounter, deps.now());
      return { ok: true, email: ceremony.email };
    },
  };
}

export type Passkeys = ReturnType<typeof passkeys>;
