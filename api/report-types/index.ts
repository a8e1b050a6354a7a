import type { Definition } from '../definitions/types';
import { asb } from './asb/definition';
import { hateCrime } from './hate-crime/definition';
import { modernSlavery } from './modern-slavery/definition';
import { victimsHub } from './victims-hub/definition';

/**
 * The registry: every report type the portal offers, in the order it offers them. A report type
 * is a package (a folder here with its definition and examples); everything that lists report
 * types (the chat's menu, the home page, guidance front matter, the API, the tests) reads this.
 */
export const definitions: Definition[] = [asb, hateCrime, victimsHub, modernSlavery];

export const reportTypeIds = definitions.map((d) => d.id);
