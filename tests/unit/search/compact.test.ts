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
    'finds the same pages for "%s" as lunr’s own JSON, scored within a tenth, in the same order bar near-ties',
    (query) => {
      const own = new Map(lunrOwn.search(query).map((r) => [r.ref, r.score]));
      const ours = loaded.search(query);
      expect(ours.map((r) => r.ref).sort()).toEqual([...own.keys()].sort());
      for (const r of ours) expect(Math.abs(r.score - own.get(r.ref)!)).toBeLessThanOrEqual(0.1);
      // Two pages may swap only where lunr's own scores were within rounding of each other.
      ours.forEach((a, i) => ours.slice(i + 1).forEach((b) => {
        if (own.get(a.ref)! < own.get(b.ref)!) expect(own.get(b.ref)! - own.get(a.ref)!).toBeLessThanOrEqual(0.1);
      }));
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
