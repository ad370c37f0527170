import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Api } from './api/client.ts';
import type { ConsoleMeta, ConsoleUser, SessionAnswer } from './api/types.ts';
import { type Console, ConsoleContext, EMPTY_META } from './app-context.ts';
import { ROLE_LABELS } from './labels.ts';
import { mayLeave } from './ui/unsaved.ts';
import {
  canHandle,
  canManagePersonalData,
  canManageUsers,
  canModerate,
  canSeeAudit,
  canSeeDirectory,
  canSeeRefusals,
} from './permissions.ts';
import { BASE, Link, match, type Place, usePlace } from './router.tsx';
import { AuditScreen } from './screens/audit/audit-screen.tsx';
import { CalendarScreen } from './screens/calendar/calendar-screen.tsx';
import { ChangePassword } from './screens/auth/change-password.tsx';
import { CardScreen } from './screens/card/card-screen.tsx';
import { RegisterScreen } from './screens/complaints/register-screen.tsx';
import { DirectoryScreen } from './screens/directory/directory-screen.tsx';
import { InboxScreen } from './screens/inbox/inbox-screen.tsx';
import { ModerationScreen } from './screens/moderation/moderation-screen.tsx';
import { RefusalsScreen } from './screens/refusals/refusals-screen.tsx';
import { MonthlyScreen } from './screens/reports/monthly-screen.tsx';
import { WeeklyScreen } from './screens/reports/weekly-screen.tsx';
import { PrivacyScreen } from './screens/privacy/privacy-screen.tsx';
import { UsersScreen } from './screens/users/users-screen.tsx';
import { PageTitle } from './ui/page.tsx';
import { useLoad } from './ui/use-load.ts';

interface Section {
  href: string;
  title: string;
  /** Whether a path belongs to the section (for aria-current). */
  owns: (path: string) => boolean;
  allowed: (user: ConsoleUser) => boolean;
}

const SECTIONS: Section[] = [
  {
    href: `${BASE}/`,
    title: 'Входящие',
    owns: (p) => p === '/' || p.startsWith('/submissions') || p.startsWith('/complaints'),
    allowed: () => true,
  },
  { href: `${BASE}/reports/weekly`, title: 'Отчёты', owns: (p) => p.startsWith('/reports'), allowed: () => true },
  { href: `${BASE}/moderation`, title: 'Модерация', owns: (p) => p.startsWith('/moderation'), allowed: canModerate },
  { href: `${BASE}/directory`, title: 'Справочник', owns: (p) => p.startsWith('/directory'), allowed: canSeeDirectory },
  { href: `${BASE}/calendar`, title: 'Календарь', owns: (p) => p.startsWith('/calendar'), allowed: () => true },
  { href: `${BASE}/audit`, title: 'Журнал', owns: (p) => p.startsWith('/audit'), allowed: canSeeAudit },
  { href: `${BASE}/refusals`, title: 'Отказы', owns: (p) => p.startsWith('/refusals'), allowed: canSeeRefusals },
  { href: `${BASE}/users`, title: 'Пользователи', owns: (p) => p.startsWith('/users'), allowed: canManageUsers },
  {
    href: `${BASE}/privacy`,
    title: 'Персональные данные',
    owns: (p) => p.startsWith('/privacy'),
    allowed: canManagePersonalData,
  },
];

interface ShellProps {
  api: Api;
  user: ConsoleUser;
  onUser: (user: ConsoleUser) => void;
  onSignedOut: () => void;
  /** Hidden under the sign-in or the password change: the form over it is the page's `#main` then. */
  kept?: boolean;
}

/** The signed-in console: the top bar with the sections, the current screen, the live region. */
export function Shell({ api, user, onUser, onSignedOut, kept = false }: ShellProps) {
  const place = usePlace();
  const [menuOpen, setMenuOpen] = useState(false);
  const [toast, setToast] = useState<{ text: string; tone: 'ok' | 'error'; n: number } | null>(null);
  const lastInbox = useRef(`${BASE}/`);
  const meta = useLoad(() => api.get<ConsoleMeta>('meta'), []);
  const firstPath = useRef(true);

  if (place.path === '/') lastInbox.current = place.href;

  // Focus goes to the new screen's heading when the path changes (not on a filter change, which
  // keeps focus on the filter the user is working with).
  useEffect(() => {
    setMenuOpen(false);
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [place.path]);

  // Under the sign-in the message waits: a button refused as the session ended says so once the
  // user is back, not while he could not see it.
  useEffect(() => {
    if (!toast?.text || kept) return;
    const t = setTimeout(() => setToast((now) => now && { ...now, text: '' }), toast.tone === 'error' ? 8000 : 4000);
    return () => clearTimeout(t);
  }, [toast, kept]);

  const context: Console = useMemo(
    () => ({
      api,
      user,
      meta: meta.data ?? EMPTY_META,
      reloadMeta: meta.reload,
      announce: (text, tone = 'ok') => setToast((t) => ({ text, tone, n: (t?.n ?? 0) + 1 })),
      // Emptied, not dropped: its count goes on, so the same words said next are announced again.
      quiet: () => setToast((t) => t && { ...t, text: '' }),
      lastInbox: lastInbox.current,
    }),
    [api, user, meta.data, place.href],
  );

  const signOut = async () => {
    // Typed text not saved is asked about, as a link leaving the page asks.
    if (!mayLeave()) return;
    try {
      await api.send('POST', 'logout');
    } catch {
      // Gone already or unreachable: the screen signs out all the same.
    }
    onSignedOut();
  };

  const sections = SECTIONS.filter((s) => s.allowed(user));
  return (
    <ConsoleContext.Provider value={context}>
      <a class="skip" href="#main">
        Перейти к содержанию
      </a>
      <header
        class="topbar"
        // The phone's menu closes when the focus leaves it: left open, the sticky bar it makes
        // tall would cover the controls the user tabs on to.
        onFocusOut={(e) => {
          const next = e.relatedTarget as Node | null;
          if (menuOpen && next && !e.currentTarget.contains(next)) setMenuOpen(false);
        }}
      >
        <div class="topbar-inner">
          <Link class="brand" href={`${BASE}/`}>
            Отклик <span>СМК</span>
          </Link>
          <button
            type="button"
            class="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen(!menuOpen)}
            // Escape on the button too: the menu is opened from it, and closed where it was opened.
            onKeyDown={(e) => {
              if (e.key === 'Escape' && menuOpen) setMenuOpen(false);
            }}
          >
            <span aria-hidden="true">☰</span> Меню
          </button>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape from any link inside closes the menu; the keys reach it by bubbling */}
          <div
            id="site-menu"
            class={`menu ${menuOpen ? 'open' : ''}`}
            onKeyDown={(e) => {
              if (e.key !== 'Escape' || !menuOpen) return;
              setMenuOpen(false);
              document.querySelector<HTMLElement>('.menu-toggle')?.focus();
            }}
          >
            <nav aria-label="Разделы">
              <ul>
                {sections.map((s) => (
                  <li key={s.href}>
                    <Link href={s.href} aria-current={s.owns(place.path) ? 'page' : undefined}>
                      {s.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="account">
              <span class="who" title={user.email}>
                {user.name} <span class="muted">· {ROLE_LABELS[user.role]}</span>
              </span>
              <Link href={`${BASE}/password`} aria-current={place.path === '/password' ? 'page' : undefined}>
                Сменить пароль
              </Link>
              <button type="button" class="link-button" onClick={signOut}>
                Выйти
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id={kept ? undefined : 'main'} class="main">
        <Screen place={place} user={user} api={api} onUser={onUser} />
      </main>
      <div
        class={`toast ${toast?.text ? `show ${toast.tone}` : ''}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {toast?.text && !kept && <span key={toast.n}>{toast.text}</span>}
      </div>
    </ConsoleContext.Provider>
  );
}

function Screen({
  place,
  user,
  api,
  onUser,
}: {
  place: Place;
  user: ConsoleUser;
  api: Api;
  onUser: (u: ConsoleUser) => void;
}) {
  const { path } = place;
  const forbidden = SECTIONS.find((s) => s.owns(path) && !s.allowed(user));
  if (forbidden) return <Forbidden />;
  if (path === '/') return <InboxScreen place={place} />;
  const card = match('/submissions/:id', path);
  if (card) return <CardScreen key={card.id} id={card.id!} />;
  if (match('/complaints/new', path)) return canHandle(user) ? <RegisterScreen /> : <Forbidden />;
  if (match('/moderation', path)) return <ModerationScreen />;
  const dir = match('/directory', path) ? { tab: 'departments' } : match('/directory/:tab', path);
  if (dir) return <DirectoryScreen tab={dir.tab!} />;
  if (match('/calendar', path)) return <CalendarScreen place={place} />;
  if (match('/audit', path)) return <AuditScreen place={place} />;
  if (match('/reports', path) || match('/reports/weekly', path)) return <WeeklyScreen place={place} />;
  if (match('/reports/monthly', path)) return <MonthlyScreen place={place} />;
  if (match('/refusals', path)) return <RefusalsScreen place={place} />;
  if (match('/users', path)) return <UsersScreen />;
  if (match('/privacy', path)) return <PrivacyScreen />;
  if (match('/password', path)) return <ChangePassword api={api} onChanged={(s: SessionAnswer) => onUser(s.user)} />;
  return (
    <>
      <PageTitle>Страница не найдена</PageTitle>
      <p>
        Такого раздела в консоли нет. <Link href={`${BASE}/`}>Перейти во входящие</Link>
      </p>
    </>
  );
}

function Forbidden() {
  return (
    <>
      <PageTitle>Недостаточно прав</PageTitle>
      <p>
        Этот раздел недоступен для вашей роли. <Link href={`${BASE}/`}>Перейти во входящие</Link>
      </p>
    </>
  );
}
