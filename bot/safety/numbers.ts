import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ConfigError } from '../../api/config-error';

/** The numbers the chat gives someone at risk, by helpline id: only from the checked list. */
export interface SafetyNumbers {
  samaritans: string;
  domesticAbuse: string;
}

const IDS: Record<keyof SafetyNumbers, string> = { samaritans: 'samaritans', domesticAbuse: 'national-domestic-abuse-helpline' };

/** Reads them from content/helplines.yaml; a number missing or not verified there stops start-up. */
export function loadSafetyNumbers(file: string): SafetyNumbers {
  const list = parse(readFileSync(file, 'utf8')) as { id: string; phone?: string; verified?: boolean }[];
  const numberOf = (key: keyof SafetyNumbers) => {
    const entry = list.find((h) => h.id === IDS[key]);
    if (!entry?.phone || !entry.verified) throw new ConfigError(file, `${IDS[key]}: the chat needs its verified phone number`);
    return entry.phone;
  };
  return { samaritans: numberOf('samaritans'), domesticAbuse: numberOf('domesticAbuse') };
}
