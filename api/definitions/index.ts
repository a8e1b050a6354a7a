import { asb } from './asb';
import { hateCrime } from './hate-crime';
import type { Definition } from './types';
import { victimsHub } from './victims-hub';

/** Every report type, in the order the portal offers them. */
export const definitions: Definition[] = [asb, hateCrime, victimsHub];
