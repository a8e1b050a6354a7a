import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { guidanceSchema } from './schemas/guidance';
import { helplineSchema } from './schemas/helplines';
import { pageSchema } from './schemas/pages';

// Content lives at the top-level content/ folder, outside the site's source, as data anyone can edit.
const guidance = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './content/guidance' }),
  schema: guidanceSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './content/pages' }),
  schema: pageSchema,
});

const helplines = defineCollection({
  loader: file('content/helplines.yaml', { parser: (text) => parse(text) as Record<string, unknown>[] }),
  schema: helplineSchema,
});

export const collections = { guidance, pages, helplines };
