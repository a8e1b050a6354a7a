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
] as const;

export type Topic = (typeof topics)[number];
