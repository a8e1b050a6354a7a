import { describe, expect, it } from 'vitest';
import { questionsOf } from '../../../api/definitions/types';
import { parentOption } from '../../../site/lib/nesting';
import { partnershipSetup } from '../../support/setup';

const { byId } = partnershipSetup();
const question = (type: string, id: string) => questionsOf(byId(type)).find((q) => q.id === id)!;

describe('questions revealed inside the option they depend on', () => {
  it('reveals the adult’s details only under "Under 18", never to an adult', () => {
    const hub = byId('victims-hub');
    expect(parentOption(hub, question('victims-hub', 'adultInvolvement'))).toEqual({ parent: 'ageGroup', option: 'under-18' });
    // It depends on two answers to adultInvolvement, which itself sits under "Under 18".
    expect(parentOption(hub, question('victims-hub', 'adultDetails'))).toEqual({ parent: 'ageGroup', option: 'under-18' });
  });

  it('asks about the person it happened to only under "I am reporting for someone else"', () => {
    const hate = byId('hate-crime');
    for (const id of ['victimName', 'victimContact', 'victimAware']) {
      expect(parentOption(hate, question('hate-crime', id))).toEqual({ parent: 'reporterRole', option: 'on-behalf' });
    }
  });
});
