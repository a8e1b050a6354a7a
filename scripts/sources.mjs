// What a build is made from, as one hash: a build whose stamp no longer matches is stale.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const FOLDERS = ['api', 'bot', 'site', 'content', 'i18n'];
const FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The hash of every source file the site and the server are built from. */
export function sourcesHash(root, partnershipFile = process.env.PARTNERSHIP_FILE ?? process.env.ROUTING_FILE) {
  const hash = createHash('sha256');
  const add = (file) => {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else add(path);
    }
  };
  for (const folder of FOLDERS) walk(join(root, folder));
  for (const file of FILES) add(join(root, file));
  // The partnership file the pages' words were built with, wherever it is kept.
  if (partnershipFile) add(resolve(root, partnershipFile));
  return hash.digest('hex');
}

export const stampFile = (root) => join(root, 'dist', 'build-stamp.json');
