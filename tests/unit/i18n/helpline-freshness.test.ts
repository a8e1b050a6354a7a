import { describe, expect, it } from 'vitest';
import { staleHelplines } from '../../../site/integrations/helpline-freshness';

describe('helpline freshness', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it('lists entries last checked over six months ago, and only those', () => {
    const entries = [
      { id: 'fresh', lastChecked: '2026-11-25' },
      { id: 'five-months', lastChecked: '2026-06-25' },
      { id: 'seven-months', lastChecked: '2026-04-20' },
      { id: 'old', lastChecked: new Date('2025-01-01') },
    ];
    expect(staleHelplines(entries, now).map((e) => e.id)).toEqual(['seven-months', 'old']);
  });
});
