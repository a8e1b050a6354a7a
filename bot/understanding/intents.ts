import { termFor } from '../../api/search/languages';
import { fold, words } from '../../api/search/text';

/**
 * What someone wants from their first words: to report one of the report types ("report:asb"),
 * to check a report, advice on something, or only to say hello or thank you. Learnt from
 * examples per language kept as data (bot/understanding/<lang>.json): a small naive Bayes over
 * the words' stems, so no service outside the portal and no model download.
 */
export type Intent = `report:${string}` | 'check-report' | 'advice' | 'greeting' | 'thanks';

export interface IntentExamples {
  intents: Record<string, string[]>;
}

export interface Understood {
  intent: Intent | undefined;
  /** How sure, 0 to 1: below the threshold the intent is undefined and the words go to search. */
  confidence: number;
}

// A report's reference (ASB-7KQ4-M2XD) in the words, however typed: only someone asking after a
// report they made has one. Looser than the references made, so a mistyped one still counts.
const REFERENCE = /(?<![\p{L}\p{N}-])[a-z]{2,5}\s?-\s?[0-9a-z]{4}\s?-\s?[0-9a-z]{4}(?![\p{L}\p{N}-])/iu;

/** The reference in what someone typed, in capitals and without spaces, if there is one. */
export function referenceIn(text: string): string | undefined {
  return REFERENCE.exec(text)?.[0].replace(/\s/g, '').toUpperCase();
}

const SMOOTHING = 0.5;
const THRESHOLD = 0.5;

/** What someone wants from their first words, from a language's examples: a reference means checking a report. */
export function intentClassifier(locale: string, examples: IntentExamples): (text: string) => Understood {
  const classify = naiveBayes(locale, examples.intents);
  return (text) => {
    if (referenceIn(text)) return { intent: 'check-report', confidence: 1 };
    const { label, confidence } = classify(text);
    return { intent: label as Intent | undefined, confidence };
  };
}

/** Builds a classifier from labelled examples in one language; it then answers in well under a millisecond. */
export function naiveBayes<L extends string>(locale: string, examples: Record<L, string[]>): (text: string) => { label: L | undefined; confidence: number } {
  const term = termFor(locale);
  // Stems carry the topic; the plain words carry the kind of message too ("what", "how", "czy"),
  // which a search stemmer drops as stop words but which tell a question from a report.
  const terms = (text: string) => {
    const said = words(text.slice(0, 500)).slice(0, 60);
    // How it begins tells a question ("what is", "kas yra", "co to jest") from a report.
    const begins = said.length > 1 ? [`^${fold(said[0])} ${fold(said[1])}`] : [];
    return [...new Set([...said.map(term).filter((t): t is string => Boolean(t)), ...said.map((w) => `=${fold(w)}`), ...begins])];
  };
  const counts = new Map<L, Map<string, number>>();
  const totals = new Map<L, number>();
  const vocabulary = new Set<string>();
  for (const [intent, phrases] of Object.entries(examples) as [L, string[]][]) {
    const count = new Map<string, number>();
    for (const phrase of phrases) {
      for (const t of terms(phrase)) {
        count.set(t, (count.get(t) ?? 0) + 1);
        vocabulary.add(t);
      }
    }
    counts.set(intent, count);
    totals.set(intent, [...count.values()].reduce((a, b) => a + b, 0));
  }
  return (text) => {
    const known = terms(text).filter((t) => vocabulary.has(t));
    if (known.length === 0) return { label: undefined, confidence: 0 };
    const scores = [...counts].map(([intent, count]) => {
      const denominator = totals.get(intent)! + SMOOTHING * vocabulary.size;
      return { intent, score: known.reduce((sum, t) => sum + Math.log(((count.get(t) ?? 0) + SMOOTHING) / denominator), 0) };
    });
    const best = Math.max(...scores.map((s) => s.score));
    const weights = scores.map((s) => ({ ...s, weight: Math.exp(s.score - best) }));
    const sum = weights.reduce((a, w) => a + w.weight, 0);
    const top = weights.reduce((a, b) => (b.weight > a.weight ? b : a));
    const confidence = top.weight / sum;
    return { label: confidence >= THRESHOLD ? top.intent : undefined, confidence };
  };
}
