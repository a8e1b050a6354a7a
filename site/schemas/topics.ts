/** The guidance topics, in the order the home page lists them. */
export const topics = [
  'fraud-and-scams',
  'cyber-crime',
  'hate-crime',
  'domestic-abuse',
  'anti-social-behaviour',
  'victim-support',
  'modern-slavery',
  'child-exploitation',
  'burglary-and-home-safety',
  'vehicle-crime',
  'radicalisation-and-prevent',
  'drugs-alcohol-and-street-drinking',
  'knife-crime-and-young-people',
] as const;

export type Topic = (typeof topics)[number];
