import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/client.ts';
import type { ConsoleMeta, ConsoleUser } from './api/types.ts';

/** What every screen of a signed-in user needs. */
export interface Console {
  api: Api;
  user: ConsoleUser;
  /** Departments, employees, subjects and the code lists; empty lists until they arrive. */
  meta: ConsoleMeta;
  reloadMeta: () => void;
  /** Says a result («Сохранено») in the live region, shown for a few seconds too. */
  announce: (text: string, tone?: 'ok' | 'error') => void;
  /** Takes an earlier result off the screen: a new action starts (useAction), and «Сохранено» is no longer news. */
  quiet: () => void;
  /** The inbox as the user last filtered it, for the card's way back. */
  lastInbox: string;
}

export const ConsoleContext = createContext<Console | null>(null);

export function useConsole(): Console {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole() outside <ConsoleContext.Provider>');
  return value;
}

export const EMPTY_META: ConsoleMeta = {
  departments: [],
  handlers: [],
  employees: [],
  subjects: [],
  types: [],
  kinds: [],
  statuses: [],
  channels: [],
};
