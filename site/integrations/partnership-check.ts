import type { AstroIntegration } from 'astro';
import { definitions } from '../../api/report-types';
import { exampleValues } from '../../api/routing/legal-schema';
import { loadRouting } from '../../api/routing/load-routing';

/**
 * Checks the partnership file the site is built with, as start-up does: a missing or wrong
 * field (the legal pages' included) fails the build, naming the file, line and field. Then it
 * lists every value still on an example domain, which must be replaced before going live.
 */
export function partnershipCheck(file: string): AstroIntegration {
  return {
    name: 'partnership-check',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const routing = loadRouting(file, definitions);
        const examples = exampleValues(routing);
        if (examples.length === 0) return logger.info(`${file}: no example values left`);
        logger.warn(`${file}: ${examples.length} values are still examples; replace them before going live:`);
        for (const path of examples) logger.warn(`  ${path}`);
      },
    },
  };
}
