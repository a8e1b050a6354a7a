// lunr's own JSON names every page's address in every posting, lists every field for every term
// even where it is empty, numbers each vector's terms again, and keeps scores to 16 digits: most
// of what a phone downloaded to search. The same index, written compactly: terms in lunr's
// order, fields and pages by number, scores to one decimal: enough to rank the pages as lunr's
// own scores do, bar near-ties, and a third of the bytes of three decimals.

interface LunrJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
}

export interface CompactIndex {
  version: string;
  /** The search pipeline lunr runs on a query's words (the portal's is empty: it makes terms itself). */
  pipeline: string[];
  fields: string[];
  refs: string[];
  /** Sorted terms, and for each, the (field, page) pairs it occurs in, flattened. */
  terms: [string, number[]][];
  /**
   * Per (field, page): its term vector's scores (in tenths, at least 1), in term order. Which terms they belong
   * to is not written: they are the terms whose postings name that field and page.
   */
  vectors: [number, number, number[]][];
}

const SCALE = 10;
// A term the page holds never scores 0: rounding it away would drop the page from that term's results.
const encode = (score: number) => Math.max(1, Math.round(score * SCALE));
const decode = (stored: number) => stored / SCALE;

/** The terms (by position) that each (field, page) holds, from the postings. */
function termsByVector(terms: CompactIndex['terms']): Map<string, number[]> {
  const byVector = new Map<string, number[]>();
  terms.forEach(([, pairs], t) => {
    for (let p = 0; p < pairs.length; p += 2) {
      const key = `${pairs[p]}/${pairs[p + 1]}`;
      const held = byVector.get(key);
      if (held) held.push(t);
      else byVector.set(key, [t]);
    }
  });
  return byVector;
}

export function compactIndex(json: LunrJson): CompactIndex {
  const refs: string[] = [];
  const refNumber = new Map<string, number>();
  const numberOf = (ref: string) => refNumber.get(ref) ?? (refNumber.set(ref, refs.push(ref) - 1), refs.length - 1);
  // lunr numbers terms as it first met them; here, by their sorted position.
  const position = new Map<number, number>();
  const terms = json.invertedIndex.map(([term, posting], t): [string, number[]] => {
    position.set(posting._index as number, t);
    const pairs: number[] = [];
    json.fields.forEach((field, f) => {
      for (const ref of Object.keys((posting[field] ?? {}) as object)) pairs.push(f, numberOf(ref));
    });
    return [term, pairs];
  });
  const implied = termsByVector(terms);
  const vectors = json.fieldVectors.map(([key, elements]): [number, number, number[]] => {
    const slash = key.indexOf('/');
    const [f, r] = [json.fields.indexOf(key.slice(0, slash)), numberOf(key.slice(slash + 1))];
    const pairs: [number, number][] = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([position.get(elements[i])!, encode(elements[i + 1])]);
    pairs.sort((a, b) => a[0] - b[0]);
    if (pairs.map(([t]) => t).join() !== (implied.get(`${f}/${r}`) ?? []).join()) {
      throw new Error(`search index: the vector of ${key} does not hold the terms its postings name`);
    }
    return [f, r, pairs.map(([, score]) => score)];
  });
  return { version: json.version, pipeline: json.pipeline, fields: json.fields, refs, terms, vectors };
}

/** Back to the JSON lunr.Index.load takes. */
export function expandIndex(compact: CompactIndex): LunrJson {
  const { fields, refs } = compact;
  const invertedIndex = compact.terms.map(([term, pairs], t): [string, Record<string, unknown>] => {
    const posting: Record<string, unknown> = { _index: t };
    for (const field of fields) posting[field] = {};
    for (let p = 0; p < pairs.length; p += 2) (posting[fields[pairs[p]]] as Record<string, object>)[refs[pairs[p + 1]]] = {};
    return [term, posting];
  });
  const implied = termsByVector(compact.terms);
  const fieldVectors = compact.vectors.map(([f, r, scores]): [string, number[]] => [
    `${fields[f]}/${refs[r]}`,
    (implied.get(`${f}/${r}`) ?? []).flatMap((t, i) => [t, decode(scores[i])]),
  ]);
  return { version: compact.version, fields, fieldVectors, invertedIndex, pipeline: compact.pipeline };
}
