import { useEffect, useState } from 'preact/hooks';
import type { RegisteredComplaint } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { Link } from '../../router.tsx';
import { PageTitle } from '../../ui/page.tsx';
import { RegisterForm } from './register-form.tsx';
import { TellClient } from './tell-client.tsx';

/**
 * «Зарегистрировать жалобу»: the form, then what to tell the client. «Зарегистрировать ещё»
 * draws a fresh form (a new key), its time set to now again.
 */
export function RegisterScreen() {
  const { lastInbox } = useConsole();
  const [registered, setRegistered] = useState<RegisteredComplaint | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    document.title = 'Регистрация жалобы — Отклик';
  }, []);

  return (
    <>
      <Link class="back" href={lastInbox}>
        ← Входящие
      </Link>
      <PageTitle>Зарегистрировать жалобу</PageTitle>
      {registered ? (
        <TellClient
          registered={registered}
          onAnother={() => {
            setRegistered(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <>
          <p class="lead">
            Жалоба, полученная по телефону, при визите, письмом, через соцсеть или 1С‑Коннект, регистрируется сразу, в
            момент поступления. Сроки этапов считаются от времени поступления.
          </p>
          <RegisterForm
            key={round}
            // No toast: the panel that replaces the form says it, with the focus on it, and a toast
            // at the bottom of a phone's screen covered the panel's buttons.
            onRegistered={setRegistered}
          />
        </>
      )}
    </>
  );
}
