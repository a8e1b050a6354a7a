import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales } from '../../../i18n';
import { projectRoot } from '../../support/fixtures';

interface Term {
  term: string;
  use: string;
  forms?: string[];
  avoid: string[];
}

const glossary = (locale: string) => parse(readFileSync(join(projectRoot, 'content', 'glossary', `${locale}.yaml`), 'utf8')) as Term[];

/** Every text a reader of this language sees, each with where it comes from. */
function texts(locale: string): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const folder of ['guidance', 'pages']) {
    const dir = join(projectRoot, 'content', folder, locale);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Search keywords keep the words people type, whatever the glossary says.
          if (!/^(keywords|sources):/.test(line)) out.push({ where: `content/${folder}/${locale}/${file}:${i + 1}`, text: line });
        });
    }
  }
  const catalog = JSON.parse(readFileSync(join(projectRoot, 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
  for (const [key, text] of Object.entries(catalog)) {
    // What the chat accepts as a command, not what it says.
    if (!key.startsWith('chat.command.')) out.push({ where: `i18n/${locale}.json ${key}`, text });
  }
  return out;
}

const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase();

describe('each language names the partnership’s terms one way', () => {
  const englishTerms = glossary('en').map((t) => t.term);

  it.each(locales)('%s has a glossary with every term', (locale) => {
    expect(glossary(locale).map((t) => t.term)).toEqual(englishTerms);
  });

  it.each(locales)('%s uses no other translation of a glossary term', (locale) => {
    const all = texts(locale);
    const found: string[] = [];
    for (const term of glossary(locale)) {
      for (const wrong of term.avoid) {
        for (const { where, text } of all) {
          if (lower(text).includes(lower(wrong))) found.push(`${where}: "${wrong}" (use "${term.use}")`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it.each(locales)('%s uses each glossary term somewhere', (locale) => {
    const all = texts(locale).map((t) => lower(t.text));
    const unused = glossary(locale)
      .filter((term) => ![term.use, ...(term.forms ?? [])].some((form) => all.some((text) => text.includes(lower(form)))))
      .map((term) => term.term);
    expect(unused).toEqual([]);
  });
});
