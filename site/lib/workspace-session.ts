import type { AstroGlobal } from 'astro';
import { SESSION_COOKIE } from '../../api/workspace/workspace';

/** The staff member signed in on this request, or the sign-in page to send them to. */
export async function staffOrSignIn(astro: AstroGlobal) {
  const session = await astro.locals.workspace.signedIn(astro.cookies.get(SESSION_COOKIE)?.value);
  return session ?? { redirect: astro.redirect('/partners/sign-in?expired=1', 303) };
}
