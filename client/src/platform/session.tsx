import {
  type ReactNode,
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api';
import type { Account, Membership } from '@tandem/shared/api';
import { setUiLanguage } from '../i18n/i18n';
import { whoIsSignedIn } from './whoIsSignedIn';
import { useConfirm } from '../ui/ConfirmDialog';
import { deleteLocalCopies, sendUnsent } from '../collab/localRooms';
import { clearOfflineCache } from './offlineCache';

/** How long signing out waits for each document with offline edits to reach the server. */
const SEND_TIMEOUT_MS = 5_000;

interface SessionState {
  /** `undefined` while loading, `null` when signed out. */
  account: Account | null | undefined;
  memberships: Membership[];
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** After the account was deleted: nothing of it stays here, and the sign-in page says so. */
  accountDeleted: () => Promise<void>;
  /** Set once the account was deleted on this page, for the sign-in page to say. */
  isAccountDeleted: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Who is signed in, shared by every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('people');
  const { confirm: ask, dialog } = useConfirm();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [memberships, setMemberships] = useState<Membership[]>([]);
  const [isAccountDeleted, setAccountDeleted] = useState(false);

  // School computers are often shared: nothing of the partnership stays on this one.
  const forgetHere = useCallback(async () => {
    await Promise.all([deleteLocalCopies(), clearOfflineCache()]);
    setAccount(null);
    setMemberships([]);
  }, []);

  const refresh = useCallback(
    () =>
      whoIsSignedIn().then(
        (me) => {
          // A transition: while the screen's code still loads, "loading" stays on screen, and
          // the screen shows the moment its code is here (a suspended fallback would be held
          // back by React's reveal throttle, up to 300 ms).
          startTransition(() => {
            setAccount(me.account);
            setMemberships(me.memberships);
          });
          setUiLanguage(me.account.language);
        },
        (error: unknown) => {
          // Signed out, or the server is out of reach: either way, nobody is signed in here.
          setAccount(null);
          setMemberships([]);
          if (!(error instanceof ApiError && error.code === 'UNAUTHORIZED')) throw error;
          // The server no longer knows this session: nothing kept for offline use stays.
          void clearOfflineCache();
        },
      ),
    [],
  );

  const signOut = useCallback(async () => {
    // Edits made offline live only in the local copies about to be deleted: send them first,
    // and ask before deleting any that could not be sent.
    const unsent = await sendUnsent(SEND_TIMEOUT_MS);
    if (
      unsent.length > 0 &&
      !(await ask({
        message: t('auth.unsentWarning'),
        confirm: t('auth.signOutAnyway'),
        isDanger: true,
      }))
    ) {
      return;
    }
    await api('DELETE', '/api/sessions');
    await forgetHere();
  }, [t, ask, forgetHere]);

  const accountDeleted = useCallback(async () => {
    await forgetHere();
    setAccountDeleted(true);
  }, [forgetHere]);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  return (
    <SessionContext.Provider
      value={{ account, memberships, refresh, signOut, accountDeleted, isAccountDeleted }}
    >
      {dialog}
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
