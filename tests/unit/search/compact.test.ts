import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactIndex, expandIndex } from '../../../api/search/compact';
import { lunr } from '../../../api/search/languages';

const pages = [
  { url: '/advice/fraud-and-scams', title: 'Fraud and scams', text: 'A courier scam: someone says they are from your bank and sends a courier for your card.' },
  { url: '/advice/hate-crime', title: 'Hate crime', text: 'Hate crime is a crime against someone because of who they are. Report it online or by phone.' },
  { url: '/advice/anti-social-behaviour', title: 'Anti-social behaviour', text: 'Noise from neighbours at night, vandalism and drug dealing can all be reported.' },
];

function lunrJson() {
  const index = lunr(function () {
    this.ref('url');
    this.field('title', { boost: 10 });
    this.field('text');
    for (const page of pages) this.add(page);
  });
  return index.toJSON() as unknown as Parameters<typeof compactIndex>[0];
}

describe('the compact search index', () => {
  const json = lunrJson();
  const lunrOwn = lunr.Index.load(json);
  const compact = compactIndex(json);
  const loaded = lunr.Index.load(expandIndex(compact));

  it.each(['scam', 'crime', 'report', 'bank card', 'noise night', 'hate crime phone', 'courier~1', 'vandal*'])(
    'finds the same pages, in the same order, for "%s" as lunr’s own JSON',
    (query) => {
      const own = lunrOwn.search(query);
      const ours = loaded.search(query);
      expect(ours.map((r) => r.ref)).toEqual(own.map((r) => r.ref));
      ours.forEach((r, i) => expect(r.score).toBeCloseTo(own[i].score, 2));
    },
  );

  it('is far smaller than lunr’s own JSON', () => {
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(json).length / 2);
  });

  it('refuses, at build, a vector whose terms its postings do not name', () => {
    const broken = structuredClone(json);
    broken.fieldVectors[0][1].push(9999, 1);
    expect(() => compactIndex(broken)).toThrow(/does not hold the terms/);
  });

  it('is what the build wrote for each language', () => {
    const built = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'dist', 'client', 'search-index', 'pl.json'), 'utf8'));
    expect(Object.keys(built.index).sort()).toEqual(['fields', 'pipeline', 'refs', 'terms', 'vectors', 'version']);
    expect(built.docs[0]).not.toHaveProperty('text');
  });
});
