import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { partnershipFile } from './fixtures';

interface Changes {
  /** Settings to add to partners, by id (e.g. send and webhook). */
  partners?: Record<string, Record<string, unknown>>;
  /** Top-level sections to add or replace (e.g. open311). */
  sections?: Record<string, unknown>;
}

/** The active partnership's file with a few changes, written into a folder: the portal runs it by PARTNERSHIP_FILE. */
export function partnershipFileWith(folder: string, changes: Changes): string {
  const doc = parseDocument(readFileSync(partnershipFile(), 'utf8'));
  const partners = doc.get('partners') as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
  for (const [id, settings] of Object.entries(changes.partners ?? {})) {
    const entry = partners.items.find((p) => p.get('id') === id);
    if (!entry) throw new Error(`no partner ${id} in ${partnershipFile()}`);
    for (const [k, v] of Object.entries(settings)) entry.set(k, v);
  }
  for (const [k, v] of Object.entries(changes.sections ?? {})) doc.set(k, v);
  const file = join(folder, 'partnership.yaml');
  writeFileSync(file, doc.toString());
  return file;
}
