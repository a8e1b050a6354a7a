/**
 * Searches as the browser's form does: the portal keeps the query and answers with a redirect to
 * a results page that only the cookie it sets opens (the query never stays in an address).
 */
export async function askSearch(origin: string, path: string, query: string): Promise<{ location: string; cookie: string }> {
  const res = await fetch(`${origin}${path}?q=${encodeURIComponent(query)}`, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`search answered ${res.status}, not a redirect`);
  return { location: res.headers.get('location')!, cookie: res.headers.get('set-cookie')!.split(';')[0] };
}

/** The results page for a query, as the browser is shown it after the redirect. */
export async function searchResults(origin: string, path: string, query: string, headers: Record<string, string> = {}): Promise<Response> {
  const { location, cookie } = await askSearch(origin, path, query);
  return fetch(`${origin}${location}`, { headers: { ...headers, cookie } });
}
