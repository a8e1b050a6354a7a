import type { Store } from '../api/store/store';
import type { ChatState, ChatStore } from './engine';

/** Conversation state in the portal's own store, so a restart or a second process loses nothing. */
export function sqliteChatStore(store: Store): ChatStore {
  return {
    load: async (user, now, expiryMs) => {
      const json = await store.chatState(user, now, expiryMs);
      return json ? (JSON.parse(json) as ChatState) : undefined;
    },
    save: (user, state, now) => store.saveChatState(user, JSON.stringify(state), now),
    forget: (user) => store.forgetChat(user),
  };
}
