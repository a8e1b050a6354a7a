/**
 * A browser without a browser, for driving report forms over HTTP: it keeps the portal's cookie,
 * posts each step as a form does, and follows the redirect that answers it, as Back would see.
 */
export function formClient(origin: string, headers: Record<string, string> = {}) {
  let cookie: string | undefined;
  const remember = (res: Response) => {
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
  };
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${origin}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...headers, ...(cookie && { cookie }), ...(init.headers as Record<string, string>) },
    });
    remember(res);
    return res;
  };
  return {
    get: (path: string) => request(path),
    /** Posts a step; answers with the page it redirects to (or the post's own answer if none). */
    async post(path: string, fields: Record<string, string | string[]>) {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      const res = await request(path, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      if (res.status !== 303) return { res, location: undefined };
      const location = res.headers.get('location')!;
      return { res: await request(location), location };
    },
    get cookie() {
      return cookie;
    },
    forgetCookie() {
      cookie = undefined;
    },
  };
}
