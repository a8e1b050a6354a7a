import type { TFunction } from 'i18next';
import { fold } from '../api/search/text';

export type Command = 'back' | 'skip' | 'restart' | 'stop';
const COMMANDS: Command[] = ['back', 'skip', 'restart', 'stop'];

/** A command in the reader's language (or English, which everyone may fall back to). */
export function commandIn(text: string, t: TFunction, english: TFunction): Command | undefined {
  const said = fold(text.trim());
  return COMMANDS.find((c) =>
    [t(`chat.command.${c}`), english(`chat.command.${c}`)].some((words) =>
      words.split('|').some((w) => fold(w.trim()) === said),
    ),
  );
}

/** Words that signal danger now, in the reader's language and English: they get 999 at once. */
export function signalsDanger(text: string, t: TFunction, english: TFunction): boolean {
  const said = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return [t('chat.dangerWords'), english('chat.dangerWords')]
    .flatMap((list) => list.split('|'))
    .map((w) => fold(w.trim()))
    .some((w) => w.length > 0 && said.includes(` ${w} `));
}
