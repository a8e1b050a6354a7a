import { asb } from './asb';
import type { Definition } from './types';

/** Every report type, in the order the portal offers them. */
export const definitions: Definition[] = [asb];
