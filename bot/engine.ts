import { randomUUID } from 'node:crypto';
import type { TFunction } from 'i18next';
import { formatAnswer } from '../api/definitions/format-answer';
import { errorMessage } from '../api/definitions/messages';
import { nextSteps } from '../api/definitions/next-steps';
import type { FollowUpChat } from './follow-up-chat';
import { checkAnswer, isShown, MAX_ANSWER, validateAnswers } from '../api/definitions/schema';
import { DANGER_QUESTION, questionKey, questionsOf, type Answers, type Definition, type Question } from '../api/definitions/types';
import type { IntakeResult, Submission } from '../api/intake/intake';
import type { CaseReviewThreshold } from '../api/repeats/flags';
import type { SearchResult } from '../api/search/search';
import { caseReviewRight } from '../api/definitions/case-review';
import { intlLocale, isLocale, translator, type Locale } from '../i18n';
import { fold, words } from '../api/search/text';
import { dateIn } from '../api/time';
import { matchOption, optionLabel, parseDate } from './answers';
import { commandIn } from './commands';
import { safetyIn, type Concern } from './safety';
import type { SafetyNumbers } from './safety/numbers';
import type { Understanding } from './understanding';

/** What the bot says: text, tappable answers, and links to guidance. */
export interface BotMessage {
  text: string;
  quick_replies?: { title: string; payload: string }[];
  links?: { title: string; url: string }[];
}

/** All the bot keeps about a conversation: where it is and the answers the report needs. No transcript. */
export interface ChatState {
  locale: Locale;
  step: 'menu' | 'question' | 'summary';
  type?: string;
  current?: string;
  answers: Answers;
  /** Questions answered so far, for "back". */
  asked: string[];
  /** Made when a report is started: a resent "send" gives the same reference, a new report a new one. */
  reportKey?: string;
  /** Answers taken from the person's first words, each shown back for confirmation when its question comes. */
  suggested?: Answers;
  /** After changing one answer from the summary (or giving the one a rule found missing), back to the summary. */
  returnToSummary?: boolean;
  /** A "check my report" conversation (bot/follow-up-chat.ts): never the code. */
  followUp?: FollowUpChat;
  /** The bot asked whether they are safe (their words leant towards danger, unsure): a yes is danger. */
  askedIfSafe?: boolean;
}

export interface ChatStore {
  load(user: string, now: number, expiryMs: number): Promise<ChatState | undefined>;
  save(user: string, state: ChatState, now: number): Promise<void>;
  forget(user: string): Promise<void>;
}

export interface ChatDeps {
  definitions: Definition[];
  store: ChatStore;
  submit(definition: Definition, submission: Submission): Promise<IntakeResult>;
  search(locale: string, query: string): { results: SearchResult[]; english: SearchResult[] };
  now: () => Date;
  /** A conversation left this long is forgotten. */
  expiryMs: number;
  caseReview: CaseReviewThreshold;
  /** Samaritans and the National Domestic Abuse Helpline, from the checked helpline list. */
  numbers: SafetyNumbers;
  /** What people mean, per language: intents, other names for options, days. */
  understanding: Record<Locale, Understanding>;
}

const english = translator('en');

/** The conversation: every report type's questions, in its definition's order, checked by its own rules. */
/** A question answered only yes or no (a shown-back suggestion); its words are the chat's own. */
const YES_OR_NO = { id: 'confirm', kind: 'choice', options: ['yes', 'no'] } as Question;

/** A message of one word that means yes or no ("da", "nope", "ہاں"), and which. */
const yesOrNoAlone = (definition: Definition, typed: string, understanding: Understanding) =>
  words(typed).length === 1 ? understanding.option(definition, YES_OR_NO, typed) : undefined;

export function createChatEngine(deps: ChatDeps) {
  const byId = (id: string | undefined) => deps.definitions.find((d) => d.id === id);

  function dangerMessage(t: TFunction): BotMessage[] {
    return [{ text: `${t('danger.title')}. ${t('danger.silent.body')}` }, { text: t('danger.text') }];
  }

  /** What someone at risk is told first: 999, Samaritans, the domestic abuse helpline, with a way on. */
  function safetyMessages(concerns: Concern[], t: TFunction, locale: Locale): BotMessage[] {
    const out: BotMessage[] = [];
    if (concerns.includes('danger')) out.push(...dangerMessage(t));
    if (concerns.includes('selfHarm')) {
      out.push({ text: t('chat.safety.selfHarm', { samaritans: deps.numbers.samaritans }), links: [{ title: t('help.page.title'), url: localeUrl(locale, '/help') }] });
    }
    if (concerns.includes('domesticAbuse')) {
      out.push({
        // With the Silent Solution: someone living with their abuser may not be able to speak.
        text: `${t('chat.safety.domesticAbuse', { helpline: deps.numbers.domesticAbuse })} ${t('help.silent')}`,
        links: [{ title: t('chat.safety.domesticAbuseAdvice'), url: localeUrl(locale, '/advice/domestic-abuse') }],
      });
    }
    return out;
  }

  /** Beside an answer that speaks of danger: the answer is kept, and help is a call away. */
  function safetyReminder(concerns: Concern[], t: TFunction): BotMessage[] {
    const lines = [
      ...(concerns.includes('selfHarm') ? [t('chat.safety.reminderSelfHarm', { samaritans: deps.numbers.samaritans })] : []),
      ...(concerns.includes('danger') || concerns.includes('domesticAbuse') ? [t('chat.safety.reminder')] : []),
    ];
    return lines.length > 0 ? [{ text: `${lines.join(' ')} ${t('chat.safety.answerKept')}` }] : [];
  }

  /** The form's own danger question, with Yes to tap; typed yes in any words counts too (dangerAnswer). */
  function askIfSafe(t: TFunction, otherButtons: NonNullable<BotMessage['quick_replies']>): BotMessage {
    return {
      text: `${t('report.common.question.danger.label')} ${t('chat.safety.reminder')}`,
      quick_replies: [{ title: t('report.common.question.danger.option.yes'), payload: 'danger' }, ...otherButtons],
    };
  }

  /** What a typed answer to the danger question means ("yeah", "tak", "nope"), if it is one. */
  function dangerAnswer(said: string, locale: Locale): string | undefined {
    const definition = deps.definitions[0];
    const question = definition && questionsOf(definition).find((q) => q.id === DANGER_QUESTION);
    return question ? deps.understanding[locale].option(definition, question, said) : undefined;
  }

  function menu(t: TFunction, first?: string): BotMessage {
    // Every report type, in the registry's order; the one the person most needs first.
    const reports = deps.definitions.map((d) => d.id).sort((a, b) => Number(b === first) - Number(a === first));
    return {
      text: t('chat.menu'),
      quick_replies: [
        ...reports.map((id) => ({ title: t(`report.link.${id}`), payload: `report:${id}` })),
        { title: t('chat.findAdvice'), payload: 'advice' },
        { title: t('chat.inDanger'), payload: 'danger' },
      ],
    };
  }

  function ask(definition: Definition, question: Question, t: TFunction, state: ChatState, error?: string): BotMessage[] {
    const key = questionKey(definition, question.id);
    const suggested = state.suggested?.[question.id];
    if (suggested !== undefined && !error) {
      // Taken from what they said first: shown back, never assumed.
      const answer = formatAnswer(definition, question, suggested, t, intlLocale(state.locale));
      return [
        {
          text: `${t([`${key}.chat`, `${key}.label`])}\n${t('chat.suggested', { answer })}`,
          quick_replies: [
            { title: t('chat.yes'), payload: 'yes' },
            { title: t('chat.no'), payload: 'no' },
          ],
        },
      ];
    }
    const hint = t(`${key}.hint`, { defaultValue: '' });
    // In the chat, a question in words a person would say, where it has them; else the form's.
    const picked = state.answers[question.id];
    // A choice of several asks again after each pick: it says what is already picked.
    const chosen =
      question.kind === 'multichoice' && Array.isArray(picked) && picked.length > 0
        ? t('chat.chosenSoFar', { answer: formatAnswer(definition, question, picked, t, intlLocale(state.locale)), done: t('chat.done') })
        : '';
    const text = [error, t([`${key}.chat`, `${key}.label`]), hint, chosen].filter(Boolean).join('\n');
    const replies: BotMessage['quick_replies'] = [];
    if (question.kind === 'choice') {
      for (const o of question.options ?? []) replies.push({ title: optionLabel(definition, question, o, t), payload: o });
    } else if (question.kind === 'multichoice') {
      for (const o of question.options ?? []) {
        if (!Array.isArray(picked) || !picked.includes(o)) replies.push({ title: optionLabel(definition, question, o, t), payload: o });
      }
      replies.push({ title: t('chat.done'), payload: 'done' });
    } else if (question.kind === 'consent') {
      replies.push({ title: t('chat.agree'), payload: 'yes' });
    } else if (question.kind === 'date') {
      replies.push({ title: t('chat.today'), payload: t('chat.today') }, { title: t('chat.yesterday'), payload: t('chat.yesterday') });
    }
    if (question.optional && question.kind !== 'multichoice') replies.push({ title: t('chat.skip'), payload: 'skip' });
    if (state.asked.length > 1) replies.push({ title: t('chat.back'), payload: 'back' });
    return [{ text: question.kind === 'date' ? `${text}\n${t('chat.dateHint')}` : text, ...(replies.length && { quick_replies: replies }) }];
  }

  /** The next question to ask after `from`, telling any notice whose condition now holds. */
  function next(definition: Definition, state: ChatState, from: string | undefined, t: TFunction): BotMessage[] {
    const questions = questionsOf(definition);
    const out: BotMessage[] = [];
    for (const question of questions.slice(from ? questions.findIndex((q) => q.id === from) + 1 : 0)) {
      if (!isShown(question, state.answers)) continue;
      if (question.kind === 'notice') {
        out.push({ text: t(`${questionKey(definition, question.id)}.label`) });
        continue;
      }
      state.step = 'question';
      state.current = question.id;
      return [...out, ...ask(definition, question, t, state)];
    }
    return [...out, ...checkAll(definition, state, t)];
  }

  /** After the last question: the definition's own cross-question rules, then the summary. */
  function checkAll(definition: Definition, state: ChatState, t: TFunction): BotMessage[] {
    const result = validateAnswers(definition, state.answers, deps.now());
    if (!result.ok) {
      const first = result.errors[0];
      const question = questionsOf(definition).find((q) => q.id === first.path);
      if (question) {
        state.step = 'question';
        state.current = question.id;
        // Only the one thing missing is asked; then straight back to the summary.
        state.returnToSummary = true;
        return ask(definition, question, t, state, errorMessage(definition, first, t));
      }
      return [{ text: errorMessage(definition, first, t) }];
    }
    state.answers = result.answers;
    state.step = 'summary';
    const lines = questionsOf(definition)
      .filter((q) => q.kind !== 'notice' && q.id !== DANGER_QUESTION && isShown(q, state.answers))
      .map((q) => {
        const value = formatAnswer(definition, q, state.answers[q.id], t, intlLocale(state.locale));
        return `${t(`${questionKey(definition, q.id)}.short`)}: ${value ?? t('form.check.notAnswered')}`;
      });
    return [
      {
        text: `${t('chat.summary')}\n${lines.join('\n')}`,
        quick_replies: [
          { title: t('form.send'), payload: 'send' },
          { title: t('chat.changeAnswer'), payload: 'change' },
          { title: t('chat.restart'), payload: 'restart' },
        ],
      },
    ];
  }

  /** Takes the reader's answer to the current question, with the same checks as the form. */
  function answer(definition: Definition, state: ChatState, typed: string, t: TFunction): BotMessage[] {
    const question = questionsOf(definition).find((q) => q.id === state.current)!;
    const now = deps.now();
    const understanding = deps.understanding[state.locale];
    const suggested = state.suggested?.[question.id];
    if (suggested !== undefined) {
      delete state.suggested![question.id];
      const confirmed = typed === 'yes' || typed === 'no' ? typed : understanding.option(definition, YES_OR_NO, typed);
      if (confirmed === 'no') return ask(definition, question, t, state);
      // "Yes" takes what they said first; anything else is their answer to the question itself.
      if (confirmed === 'yes') typed = Array.isArray(suggested) ? '' : suggested;
      if (confirmed === 'yes' && Array.isArray(suggested)) {
        state.answers[question.id] = suggested;
        return moveOn(definition, state, question, t);
      }
    }
    let value: string | string[];
    if (question.kind === 'choice' || question.kind === 'consent') {
      const agreed = typed === 'yes' || fold(typed) === fold(t('chat.agree'));
      const option =
        question.kind === 'consent'
          ? agreed || understanding.option(definition, { ...question, options: ['yes'] }, typed) === 'yes'
            ? 'yes'
            : undefined
          : (matchOption(definition, question, typed, t) ?? understanding.option(definition, question, typed));
      if (!option) return ask(definition, question, t, state, errorMessage(definition, { path: question.id, code: question.optional ? 'invalid' : 'required' }, t));
      value = option;
    } else if (question.kind === 'multichoice') {
      const picked = Array.isArray(state.answers[question.id]) ? (state.answers[question.id] as string[]) : [];
      if (typed === 'done' || fold(typed) === fold(t('chat.done'))) {
        if (picked.length === 0 && !question.optional) {
          return ask(definition, question, t, state, errorMessage(definition, { path: question.id, code: 'required' }, t));
        }
        return moveOn(definition, state, question, t);
      }
      const options = typed.split(/[,\n]/).map((part) => matchOption(definition, question, part, t) ?? understanding.option(definition, question, part));
      if (options.some((o) => !o)) return ask(definition, question, t, state, errorMessage(definition, { path: question.id, code: 'invalid' }, t));
      state.answers[question.id] = (question.options ?? []).filter((o) => picked.includes(o) || options.includes(o));
      return ask(definition, question, t, state);
    } else if ((question.kind === 'text' || question.kind === 'textarea') && yesOrNoAlone(definition, typed, understanding)) {
      // "No" to "Anything else?" passes it by; "da" to "Which street is it?" is not a street.
      if (question.optional && yesOrNoAlone(definition, typed, understanding) === 'no') {
        delete state.answers[question.id];
        return moveOn(definition, state, question, t);
      }
      return ask(definition, question, t, state, t('chat.answerInWords'));
    } else {
      // A date as typed ("27/3/2026", "today"), or as said ("last night", "on Monday", Urdu "کل").
      const parsed = question.kind === 'date' ? parseDate(typed, now, t) : undefined;
      value = parsed === undefined ? typed.trim() : /^\d{4}-\d{2}-\d{2}$/.test(parsed) ? parsed : (understanding.day(typed, now) ?? parsed);
    }
    // The same check, and the same message, as the form.
    const checked = checkAnswer(question, value, dateIn(now));
    if (!checked.ok) return ask(definition, question, t, state, errorMessage(definition, checked.error, t));
    state.answers[question.id] = checked.value;
    if (question.id === DANGER_QUESTION && checked.value === 'yes') return inDanger(state, t);
    return moveOn(definition, state, question, t);
  }

  function moveOn(definition: Definition, state: ChatState, question: Question, t: TFunction): BotMessage[] {
    state.asked.push(question.id);
    // Answers to questions that no longer apply are dropped, as the form drops them.
    for (const q of questionsOf(definition)) if (!isShown(q, state.answers)) delete state.answers[q.id];
    if (state.returnToSummary) {
      state.returnToSummary = false;
      // A changed answer can open a question that was not asked (say "Yes" to "reported before?").
      const opened = questionsOf(definition).find(
        (q) => q.kind !== 'notice' && isShown(q, state.answers) && !q.optional && state.answers[q.id] === undefined,
      );
      if (opened) return next(definition, state, questionsOf(definition)[questionsOf(definition).indexOf(opened) - 1]?.id, t);
      return checkAll(definition, state, t);
    }
    return next(definition, state, question.id, t);
  }

  /** From the summary: the answer to change, named by its words ("change my postcode") or picked. */
  function change(definition: Definition, state: ChatState, said: string, t: TFunction): BotMessage[] | undefined {
    const shown = questionsOf(definition).filter((q) => q.kind !== 'notice' && q.id !== DANGER_QUESTION && isShown(q, state.answers));
    const short = (q: Question) => t(`${questionKey(definition, q.id)}.short`);
    const picked = said.startsWith('change:') ? shown.find((q) => q.id === said.slice(7)) : undefined;
    const named =
      picked ??
      (commandIn(said.split(/\s+/)[0], t, english) === 'change' || said === 'change'
        ? shown.find((q) => said.split(/\s+/).length > 1 && words(fold(short(q))).some((w) => w.length > 2 && fold(said).includes(w)))
        : undefined);
    if (named) {
      state.step = 'question';
      state.current = named.id;
      state.returnToSummary = true;
      return ask(definition, named, t, state);
    }
    if (said === 'change' || commandIn(said, t, english) === 'change') {
      return [{ text: t('chat.whichAnswer'), quick_replies: shown.map((q) => ({ title: short(q), payload: `change:${q.id}` })) }];
    }
    return undefined;
  }

  function inDanger(state: ChatState, t: TFunction): BotMessage[] {
    // Nothing of a person in danger is kept: the report so far is dropped.
    state.step = 'menu';
    state.type = undefined;
    state.current = undefined;
    state.answers = {};
    state.asked = [];
    return [...dangerMessage(t), menu(t)];
  }

  function back(definition: Definition, state: ChatState, t: TFunction): BotMessage[] {
    const previous = state.asked.pop();
    if (!previous) return next(definition, state, undefined, t);
    delete state.answers[previous];
    state.step = 'question';
    state.current = previous;
    return ask(definition, questionsOf(definition).find((q) => q.id === previous)!, t, state);
  }

  async function send(definition: Definition, state: ChatState, t: TFunction): Promise<BotMessage[]> {
    const result = await deps.submit(definition, { answers: state.answers, locale: state.locale, submissionKey: `chat:${state.reportKey ?? randomUUID()}` });
    if (!result.ok) return checkAll(definition, state, t);
    // Sent: the conversation's answers are forgotten at once.
    Object.assign(state, { step: 'menu', type: undefined, current: undefined, answers: {}, asked: [] });
    const messages: BotMessage[] = [
      { text: `${t('form.confirmation.title')}. ${t('form.confirmation.reference')}: ${result.reference}` },
      { text: `${t('form.confirmation.keep')} ${nextSteps(definition, t)}` },
      ...(result.followUpCode
        ? [{ text: `${t('form.confirmation.followUp.title')}: ${result.followUpCode}. ${t('form.confirmation.followUp.advice')}`, links: [{ title: t('form.confirmation.followUp.link'), url: localeUrl(state.locale, '/follow-up') }] }]
        : []),
    ];
    // Every reporter of these types hears of the right; nobody is told what earlier reports exist.
    if (deps.caseReview.reportTypes.includes(definition.id)) {
      messages.push({
        text: `${t('caseReview.title')}. ${caseReviewRight(deps.caseReview, t)}`,
        links: [{ title: t('caseReview.how'), url: localeUrl(state.locale, '/advice/anti-social-behaviour') }],
      });
    }
    return messages;
  }

  function advice(state: ChatState, query: string, t: TFunction): BotMessage[] {
    const { results, english: inEnglish } = deps.search(state.locale, query);
    const found = results.length > 0 ? results : inEnglish;
    if (found.length === 0) return [{ text: t('chat.noAdvice') }, menu(t)];
    // The best page, said in the chat, and always a way on: report it, ask again, or the menu.
    const [best, ...others] = found;
    const report = best.reports.find((id) => byId(id));
    return [
      { text: `${t(results.length > 0 ? 'chat.adviceFound' : 'search.english')}\n${best.title}: ${best.summary}`, links: [best, ...others.slice(0, 2)].map((r) => ({ title: r.title, url: r.url })) },
      {
        text: t('chat.wayOn'),
        quick_replies: [
          ...(report ? [{ title: t(`report.link.${report}`), payload: `report:${report}` }] : []),
          { title: t('chat.askAnother'), payload: 'advice' },
          { title: t('chat.backToMenu'), payload: 'restart' },
        ],
      },
    ];
  }

  return {
    /**
     * The chat window opened: a conversation in progress (the reader moved to another page)
     * carries on where it was; otherwise the welcome and the menu.
     */
    async hello(user: string, requestedLocale: string): Promise<BotMessage[]> {
      const now = deps.now().getTime();
      const locale: Locale = isLocale(requestedLocale) ? requestedLocale : 'en';
      const t = translator(locale);
      const state = await deps.store.load(user, now, deps.expiryMs);
      const definition = byId(state?.type);
      if (!state || !definition) return [{ text: t('chat.welcome') }, menu(t)];
      state.locale = locale;
      await deps.store.save(user, state, now);
      const question = questionsOf(definition).find((q) => q.id === state.current);
      const where = state.step === 'summary' || !question ? checkAll(definition, state, t) : ask(definition, question, t, state);
      return [{ text: t('chat.resumed') }, ...where];
    },
    /**
     * One turn: what the reader said (or tapped) in, what the bot says out. `loaded`: the
     * conversation as a wrapper around the engine has just read it, so it is not read twice.
     */
    async turn(user: string, text: string, requestedLocale: string, loaded?: { state: ChatState | undefined }): Promise<BotMessage[]> {
      const now = deps.now().getTime();
      const locale: Locale = isLocale(requestedLocale) ? requestedLocale : 'en';
      const t = translator(locale);
      const state: ChatState = (loaded ? loaded.state : await deps.store.load(user, now, deps.expiryMs)) ?? { locale, step: 'menu', answers: {}, asked: [] };
      state.locale = locale;
      const said = text.slice(0, MAX_ANSWER);
      const reply = async (messages: BotMessage[]) => {
        if (state.step === 'menu' && !state.type && !state.askedIfSafe) await deps.store.forget(user);
        else await deps.store.save(user, state, now);
        return messages;
      };

      const definition = byId(state.type);
      // Safety comes first, whatever the bot was doing; an answer that speaks of danger is kept.
      // "danger" is the Yes button's payload; after "are you in danger?", a yes in any words is too.
      const answeredIfSafe = !definition && state.askedIfSafe === true ? dangerAnswer(said, locale) : undefined;
      const inDangerNow = said === 'danger' || answeredIfSafe === 'yes';
      delete state.askedIfSafe;
      const { concerns, unsure } = inDangerNow ? { concerns: ['danger'] as Concern[], unsure: false } : safetyIn(said, locale);
      if (concerns.length > 0 && (!definition || inDangerNow)) {
        return reply([...safetyMessages(concerns, t, locale), menu(t, concerns.includes('domesticAbuse') ? 'victims-hub' : undefined)]);
      }
      if (concerns.includes('danger') && state.current === DANGER_QUESTION && state.step === 'question') return reply(inDanger(state, t));
      const reminder = safetyReminder(concerns, t);
      // Quick-reply payloads ("back", "skip", "restart") are the English commands themselves.
      const command = commandIn(said, t, english);
      if (command === 'stop') {
        await deps.store.forget(user);
        return [{ text: t('chat.stopped') }];
      }
      if (command === 'restart' || !said.trim()) {
        Object.assign(state, { step: 'menu', type: undefined, current: undefined, answers: {}, asked: [] });
        return reply([{ text: t('chat.welcome') }, menu(t)]);
      }
      if (!definition) {
        const chosen = said.startsWith('report:') ? byId(said.slice(7)) : undefined;
        if (chosen) {
          Object.assign(state, { type: chosen.id, answers: {}, asked: [], reportKey: randomUUID() });
          return reply(next(chosen, state, undefined, t));
        }
        if (said === 'advice') return reply([{ text: t('chat.askAdvice') }]);
        // "No" to "are you in danger?" is an answer, not a question to look up.
        if (answeredIfSafe === 'no') return reply([menu(t)]);
        const understood = deps.understanding[locale].intent(said).intent;
        const wanted = understood?.startsWith('report:') ? byId(understood.slice(7)) : undefined;
        if (wanted) {
          // Straight to it (the danger question first), with what they said already shown back.
          Object.assign(state, { type: wanted.id, answers: {}, asked: [], reportKey: randomUUID(), suggested: deps.understanding[locale].suggest(wanted, said, deps.now(), (q, o) => optionLabel(wanted, q, o, t)) });
          return reply([{ text: t('chat.startReport', { report: t(`report.link.${wanted.id}`) }) }, ...next(wanted, state, undefined, t)]);
        }
        // A report asks the danger question first; any other answer asks it here when unsure.
        const checked = (messages: BotMessage[]) => {
          if (!unsure) return reply(messages);
          state.askedIfSafe = true;
          // Asked last, above its Yes as the first button: the chat's log scrolls to its end.
          const buttons = messages.flatMap((m) => m.quick_replies ?? []);
          return reply([...messages.map(({ quick_replies: _buttons, ...m }) => m), askIfSafe(t, buttons)]);
        };
        // The welcome was said when the chat opened: a greeting is answered, not met with it again.
        if (understood === 'greeting') return checked([{ text: t('chat.greeted') }, menu(t)]);
        if (understood === 'thanks') return checked([{ text: t('chat.thanks') }, menu(t)]);
        // The follow-up page checks a reference and its code; the chat points there.
        if (understood === 'check-report') return checked([{ text: t('chat.checkReport'), links: [{ title: t('form.confirmation.followUp.link'), url: localeUrl(locale, '/follow-up') }] }, menu(t)]);
        return checked(advice(state, said, t));
      }
      if (command === 'back') return reply(back(definition, state, t));
      if (state.step === 'summary') {
        if (said === 'send' || fold(said) === fold(t('form.send'))) return reply(await send(definition, state, t));
        const changing = change(definition, state, said, t);
        if (changing) return reply(changing);
        return reply([...reminder, ...checkAll(definition, state, t)]);
      }
      const question = questionsOf(definition).find((q) => q.id === state.current)!;
      if (command === 'skip') {
        if (!question.optional) return reply(ask(definition, question, t, state, errorMessage(definition, { path: question.id, code: 'required' }, t)));
        delete state.answers[question.id];
        return reply(moveOn(definition, state, question, t));
      }
      return reply([...reminder, ...answer(definition, state, said, t)]);
    },
    async forget(user: string): Promise<void> {
      await deps.store.forget(user);
    },
  };
}

function localeUrl(locale: Locale, path: string): string {
  return locale === 'en' ? path : `/${locale}${path}`;
}

export type ChatEngine = ReturnType<typeof createChatEngine>;
