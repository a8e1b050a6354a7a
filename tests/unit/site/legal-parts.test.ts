import { describe, expect, it } from 'vitest';
import { legalParts } from '../../../site/lib/legal/parts';

describe('a legal page’s parts', () => {
  it('fills values escaped, and cuts the prose at each block', () => {
    const parts = legalParts('<p>Run by {{runBy}}.</p>\n<p>{{block:recipients}}</p>\n<p>End.</p>', { runBy: 'Council <b>&</b>' }, ['recipients']);
    expect(parts).toEqual([{ html: '<p>Run by Council &#60;b&#62;&#38;&#60;/b&#62;.</p>\n' }, { block: 'recipients' }, { html: '\n<p>End.</p>' }]);
  });

  it('fills a value in a link’s address, where Markdown has percent-encoded its braces', () => {
    expect(legalParts('<p><a href="%7B%7Bdoc%7D%7D">the policy</a></p>', { doc: 'https://example.org/apd?a=1&b=2' }, [])).toEqual([
      { html: '<p><a href="https://example.org/apd?a=1&#38;b=2">the policy</a></p>' },
    ]);
  });

  it('refuses a value or a block it does not know, so a typo never reaches a reader', () => {
    expect(() => legalParts('<p>{{runby}}</p>', { runBy: 'x' }, [])).toThrow('unknown value {{runby}}');
    expect(() => legalParts('<p>{{block:recipient}}</p>', {}, ['recipients'])).toThrow('unknown block {{block:recipient}}');
    expect(() => legalParts('<ul><li>{{block:schedule1}}</li></ul>', {}, ['schedule1'])).toThrow('a block not in a paragraph of its own');
  });
});
