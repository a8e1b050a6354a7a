import { naiveBayes } from '../understanding/intents';
import type { Concern, SafetyData } from './recognise';

// Only a message the net is all but sure of counts: at this bar a blind set's ordinary messages
// were flagged no more often than by the patterns alone.
const SURE = 0.999;

/**
 * A second net under the patterns, learnt from the same examples as they are tested on: the
 * patterns catch what they were shown, and about 85% of what they were not (blind sets, five
 * rounds); this catches most of the rest. Whether it is a concern at all is asked first, of the
 * safety examples against ordinary first messages; then which concern it is.
 */
export function learntConcerns(locale: string, data: SafetyData, ordinary: string[]): (text: string) => Concern | undefined {
  const { danger, selfHarm, domesticAbuse } = data.examples;
  const concern = naiveBayes(locale, { concern: [...danger, ...selfHarm, ...domesticAbuse], ordinary: [...data.examples.ordinary, ...ordinary] });
  const which = naiveBayes<Concern>(locale, { danger, selfHarm, domesticAbuse });
  return (text) => {
    const found = concern(text);
    if (found.label !== 'concern' || found.confidence < SURE) return undefined;
    return which(text).label ?? 'danger';
  };
}
