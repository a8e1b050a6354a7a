import { fold, words } from '../../api/search/text';

/** What the chat must answer before anything else: danger now, suicide or self-harm, domestic abuse. */
export type Concern = 'danger' | 'selfHarm' | 'domesticAbuse';
export const CONCERNS: Concern[] = ['danger', 'selfHarm', 'domesticAbuse'];

export interface ConcernPatterns {
  /** Any one matching means the concern is there. */
  patterns: string[];
  /** Unless one of these matches too ("I am not in danger"). */
  unless?: string[];
}

/**
 * One language's data (bot/safety/<lang>.json). A pattern is words in order: a word ending in `*`
 * matches any word it starts ("stab*" → "stabbed"), `a|b` matches either, and `..` lets up to
 * three other words come between ("has .. knife" → "he has got a knife"), and `$` is the end of
 * the message ("ma bate $": "he is beating me" said alone, not "ma bate gandul"). Text is folded first
 * (no accents, lower case), so patterns are written folded too.
 */
export interface SafetyData {
  danger: ConcernPatterns;
  selfHarm: ConcernPatterns;
  domesticAbuse: ConcernPatterns;
  /** Natural phrases the tests run: each must be recognised as its concern; `ordinary` as none. */
  examples: Record<Concern | 'ordinary', string[]>;
}

// A step's alternatives, split once: whole words in a set, word starts (from `stab*`) in a list.
// Every chat message runs every pattern, so a step is checked in a lookup, not by scanning text.
type Step = { gap: boolean; words: Set<string>; starts: string[]; end?: true };

function compile(pattern: string): Step[] {
  const steps: Step[] = [];
  let gap = false;
  for (const token of fold(pattern).replace(/’/g, "'").split(/\s+/).filter(Boolean)) {
    if (token === '..') {
      gap = true;
      continue;
    }
    if (token === '$') {
      steps.push({ gap: false, words: new Set(), starts: [], end: true });
      continue;
    }
    const alternatives = token.split('|');
    steps.push({
      gap,
      words: new Set(alternatives.filter((a) => !a.endsWith('*'))),
      starts: alternatives.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)),
    });
    gap = false;
  }
  return steps;
}

const fits = (word: string, step: Step) => step.words.has(word) || step.starts.some((start) => word.startsWith(start));

/** Whether the steps match the words from some starting word onwards. */
function matchesFrom(steps: Step[], said: string[], at: number, step = 0): boolean {
  if (step === steps.length) return true;
  if (steps[step].end) return at === said.length;
  const reach = step === 0 ? 0 : steps[step].gap ? 3 : 0;
  for (let i = at; i <= Math.min(at + reach, said.length - 1); i++) {
    if (fits(said[i], steps[step]) && matchesFrom(steps, said, i + 1, step + 1)) return true;
  }
  return false;
}

export type Recogniser = (text: string) => Concern[];

/** Where a pattern may start: the words and word starts its first step takes. */
interface StartIndex<T> {
  byWord: Map<string, T[]>;
  byStart: Map<string, T[]>;
  longestStart: number;
}

function startIndex<T extends { steps: Step[] }>(entries: T[]): StartIndex<T> {
  const index: StartIndex<T> = { byWord: new Map(), byStart: new Map(), longestStart: 0 };
  const add = (map: Map<string, T[]>, key: string, entry: T) => map.set(key, [...(map.get(key) ?? []), entry]);
  for (const entry of entries) {
    // A pattern that begins at the end of the message can never match.
    const first = entry.steps[0];
    if (!first || first.end) continue;
    for (const word of first.words) add(index.byWord, word, entry);
    for (const start of first.starts) {
      add(index.byStart, start, entry);
      index.longestStart = Math.max(index.longestStart, start.length);
    }
  }
  return index;
}

/** The patterns whose first step fits this word. */
function startingAt<T>(index: StartIndex<T>, word: string): T[] {
  const found = [...(index.byWord.get(word) ?? [])];
  for (let length = 1; length <= Math.min(word.length, index.longestStart); length++) found.push(...(index.byStart.get(word.slice(0, length)) ?? []));
  return found;
}

/**
 * Compiles a language's patterns once; the recogniser then answers in microseconds per message.
 * Every chat turn runs it, so each pattern is tried only where its first word is said.
 */
export function recogniser(data: Pick<SafetyData, Concern>): Recogniser {
  const entries = CONCERNS.flatMap((concern) => [
    ...data[concern].patterns.map((p) => ({ found: concern, steps: compile(p) })),
    ...(data[concern].unless ?? []).map((p) => ({ found: `${concern} unless`, steps: compile(p) })),
  ]);
  const index = startIndex(entries);
  return (text) => {
    // Long messages are cut: the check stays cheap whatever is typed.
    const said = words(fold(text.slice(0, 2000)).replace(/’/g, "'")).slice(0, 300);
    const found = new Set<string>();
    said.forEach((word, at) => {
      for (const entry of startingAt(index, word)) {
        if (!found.has(entry.found) && matchesFrom(entry.steps, said, at)) found.add(entry.found);
      }
    });
    return CONCERNS.filter((concern) => found.has(concern) && !found.has(`${concern} unless`));
  };
}
