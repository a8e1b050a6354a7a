import type { TFunction } from 'i18next';
import { fold } from '../api/search/text';

export type Command = 'back' | 'skip' | 'restart' | 'stop' | 'change';
const COMMANDS: Command[] = ['back', 'skip', 'restart', 'stop', 'change'];

/** A command in the reader's language (or English, which everyone may fall back to). */
export function commandIn(text: string, t: TFunction, english: TFunction): Command | undefined {
  const said = fold(text.trim());
  return COMMANDS.find((c) =>
    [t(`chat.command.${c}`), english(`chat.command.${c}`)].some((words) =>
      words.split('|').some((w) => fold(w.trim()) === said),
    ),
  );
}
