// Results as you type. The language's index and the search code are fetched only once the search
// box is used; until then (and with JavaScript off) the form posts to the server as usual.
import type { SearchResult } from '../../api/search/search';
import type { TermFn } from '../../api/search/terms/pipeline';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('#search-q');
const output = document.querySelector<HTMLElement>('#search-results');

if (form && input && output) {
  const locale = form.dataset.locale ?? 'en';
  const texts = JSON.parse(output.dataset.texts ?? '{}') as { results: string; none: string };
  let engine: Promise<(query: string) => SearchResult[]> | undefined;
  let timer: number | undefined;

  const load = () =>
    (engine ??= Promise.all([
      import('../../api/search/search'),
      // Only this language's way of making terms (its stemmer), not every language's.
      import(`../../api/search/terms/${locale}.ts`) as Promise<{ term: TermFn }>,
      fetch(`/search-index/${locale}.json`).then((r) => r.json()),
    ]).then(([mod, { term }, serialised]) => {
      const index = mod.loadIndex(serialised, term);
      return (query: string) => mod.search(index, query);
    }));

  const render = (query: string, results: SearchResult[]) => {
    const heading = document.createElement('h2');
    heading.className = 'govuk-heading-m';
    const template = results.length > 0 ? texts.results : texts.none;
    // The count first: a "{{count}}" someone typed stays as they typed it.
    heading.textContent = template.replace('{{count}}', String(results.length)).replace('{{query}}', () => query);
    const list = document.createElement('ol');
    list.className = 'govuk-list app-search-results';
    for (const result of results) {
      const item = document.createElement('li');
      item.className = 'govuk-!-margin-bottom-6';
      const link = document.createElement('a');
      link.className = 'govuk-link govuk-!-font-size-24 govuk-!-font-weight-bold';
      link.href = result.url;
      link.textContent = result.title;
      const snippet = document.createElement('p');
      snippet.className = 'govuk-body govuk-!-margin-top-1';
      for (const part of result.snippet) {
        snippet.append(part.match ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
      }
      item.append(link, snippet);
      list.append(item);
    }
    output.replaceChildren(heading, ...(results.length > 0 ? [list] : []));
  };

  // Words of danger or self-harm put the safety page first, as the server's results do: the
  // phrases that tell are the server's (api/http/search-urgent.ts), so it is asked.
  const urgentFor = (query: string): Promise<SearchResult | undefined> =>
    fetch('/api/search/urgent', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale, query }) })
      .then((r) => (r.ok ? (r.json() as Promise<{ first: SearchResult | null }>) : { first: null }))
      .then(({ first }) => first ?? undefined)
      .catch(() => undefined);
  let latest = '';

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) return;
    timer = window.setTimeout(() => {
      latest = query;
      void Promise.all([load(), urgentFor(query)]).then(([find, urgent]) => {
        if (query !== latest) return; // a later query's answer is on its way
        const results = find(query).filter((r) => r.url !== urgent?.url);
        render(query, urgent ? [urgent, ...results] : results);
      });
    }, 150);
  });
}
