import type { TFunction } from 'i18next';
import type { FollowUps } from '../api/follow-up/follow-up';
import { localDate } from '../api/time';
import { intlLocale, isLocale, isolated, translator, type Locale } from '../i18n';
import { commandIn } from './commands';
import type { BotMessage, ChatEngine, ChatState, ChatStore } from './engine';
import { concernsIn } from './safety';
import type { Understanding } from './understanding';
import { referenceIn } from './understanding/intents';

/** Where a "check my report" conversation is: the reference asked for, the code, then the report open. */
export interface FollowUpChat {
  step: 'reference' | 'code' | 'open' | 'reply';
  reference?: string;
  reportId?: number;
  partnerId?: string;
}

export interface FollowUpChatDeps {
  follow: FollowUps;
  store: ChatStore;
  understanding: Record<Locale, Understanding>;
  now: () => Date;
  expiryMs: number;
}

const english = translator('en');

/**
 * "Check my report" in the chat: the reference, then the code (checked as the follow-up page
 * checks it, with the same lock), then each partner's status and messages, and a reply. Around
 * the conversation engine, kept apart from it: the code's check takes scrypt's time. Words
 * of danger, "stop" and "start again" leave it for the engine, as everywhere in the chat.
 */
export function withFollowUp(engine: ChatEngine, deps: FollowUpChatDeps) {
  const load = (user: string): Promise<ChatState | undefined> => deps.store.load(user, deps.now().getTime(), deps.expiryMs);
  const save = (user: string, state: ChatState, followUp: FollowUpChat | undefined) =>
    deps.store.save(user, { ...state, followUp }, deps.now().getTime());

  async function status(reportId: number, t: TFunction, locale: Locale): Promise<BotMessage[]> {
    const date = (instant: number) => localDate(instant, intlLocale(locale));
    const partners = await deps.follow.status(reportId);
    // A partner's name is in English, and a message in its writer's language: each is isolated.
    const lines = partners.map((s) => {
      const name = isolated(s.name);
      const said = s.messages.map((m) => `${m.fromReporter ? t('followUp.fromYou', { date: date(m.createdAt) }) : t('followUp.fromPartner', { partner: name, date: date(m.createdAt) })}: ${isolated(m.body)}`);
      const state = `${t(`followUp.status.${s.status}`)}${s.outcome ? ` (${t(`followUp.outcome.${s.outcome}`)})` : ''}`;
      return { text: [`${name}: ${state}`, ...(said.length > 0 ? said : [t('followUp.noMessages')])].join('\n') };
    });
    return [
      ...lines,
      {
        text: t('chat.followUp.next'),
        quick_replies: [
          ...partners.filter((s) => s.status !== 'closed').map((s) => ({ title: t('followUp.reply', { partner: isolated(s.name) }), payload: `reply:${s.partnerId}` })),
          { title: t('chat.followUp.done'), payload: 'restart' },
        ],
      },
    ];
  }

  return {
    ...engine,
    async turn(user: string, text: string, requestedLocale: string): Promise<BotMessage[]> {
      const locale: Locale = isLocale(requestedLocale) ? requestedLocale : 'en';
      const t = translator(locale);
      const state = await load(user);
      const followUp = state?.followUp;
      const said = text.trim().slice(0, 2000);
      // Asked only when it decides something: the engine checks safety on every turn anyway.
      const leaving = () => said === 'danger' || ['stop', 'restart'].includes(commandIn(said, t, english) ?? '') || concernsIn(said, locale).length > 0;
      if (!followUp) {
        const starting = !state?.type && said !== '' && !said.includes(':') && deps.understanding[locale].intent(said).intent === 'check-report' && !leaving();
        if (!starting) return engine.turn(user, text, requestedLocale, { state });
        // "Any news on ASB-7KQ4-M2XD?": the reference was given, so only the code is asked for.
        const reference = referenceIn(said);
        await save(user, state ?? { locale, step: 'menu', answers: {}, asked: [] }, reference ? { step: 'code', reference } : { step: 'reference' });
        return [{ text: t(reference ? 'chat.followUp.askCode' : 'chat.followUp.askReference') }];
      }
      if (leaving()) {
        await save(user, state!, undefined);
        return engine.turn(user, text, requestedLocale, { state: { ...state!, followUp: undefined } });
      }
      switch (followUp.step) {
        case 'reference':
          await save(user, state!, { step: 'code', reference: said });
          return [{ text: t('chat.followUp.askCode') }];
        case 'code': {
          const verified = await deps.follow.verify(followUp.reference ?? '', said);
          if (!verified.ok) {
            await save(user, state!, verified.locked ? undefined : { step: 'reference' });
            return [{ text: verified.locked ? t('followUp.locked', { count: verified.locked.minutes }) : `${t('followUp.wrong')} ${t('chat.followUp.askReference')}` }];
          }
          await save(user, state!, { step: 'open', reportId: verified.reportId, reference: verified.reference });
          return status(verified.reportId, t, locale);
        }
        case 'open':
          if (said.startsWith('reply:')) {
            await save(user, state!, { ...followUp, step: 'reply', partnerId: said.slice(6) });
            return [{ text: t('chat.followUp.askReply') }];
          }
          return status(followUp.reportId!, t, locale);
        case 'reply': {
          const replied = await deps.follow.reply(followUp.reportId!, followUp.partnerId, said);
          await save(user, state!, { ...followUp, step: 'open' });
          if (replied.ok) return [{ text: t('followUp.replySent') }, ...(await status(followUp.reportId!, t, locale))];
          return replied.error === 'replyPartner' ? status(followUp.reportId!, t, locale) : [{ text: t(`validation.${replied.error}`) }];
        }
      }
    },
  };
}
