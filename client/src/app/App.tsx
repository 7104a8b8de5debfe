import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from '../features/people/AuthForm';
import { LanguagePicker } from './LanguagePicker';
import { ScreenBoundary } from './ScreenBoundary';
import { UpdatePrompt } from './UpdatePrompt';
import {
  AccountPage,
  AgreementPage,
  CompareLegs,
  ConfirmEmailPage,
  CreatePartnership,
  InboxPage,
  InvitePage,
  ItineraryPage,
  PartnershipList,
  PartnershipPage,
  PrintAgreement,
  ResetPasswordPage,
  ResetRequestPage,
  VerifyPage,
} from './screens';
import { ErrorMessage } from '../platform/ErrorMessage';
import { useAction } from '../ui/useAction';
import { type Route, paths } from '../platform/route';
import { useRoute } from '../platform/useRoute';
import { SessionProvider, useSession } from '../platform/session';
import { RefusalNotice } from '../collab/RefusalNotice';

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { t } = useTranslation(['common', 'people']);
  const { account, signOut } = useSession();
  const leave = useAction(signOut);
  const route = useRoute();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <a className="app-name" href={paths.home()}>
          {t('appName')}
        </a>
        <div className="header-tools">
          <LanguagePicker />
          {account && (
            <>
              <span>{t('people:auth.signedInAs', { name: account.name })}</span>
              <a href={paths.account()}>{t('people:account.link')}</a>
              <button
                type="button"
                className="secondary"
                disabled={leave.isRunning}
                onClick={() => void leave.run()}
              >
                {t(leave.isRunning ? 'people:auth.signingOut' : 'people:auth.signOut')}
              </button>
              <ErrorMessage error={leave.error} />
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <UpdatePrompt />
        <RefusalNotice />
        <ScreenBoundary resetKey={JSON.stringify(route)}>
          <Suspense fallback={<p>{t('people:loading')}</p>}>
            <Screen route={route} />
          </Suspense>
        </ScreenBoundary>
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation('people');
  const { account } = useSession();
  if (account === undefined) return <p>{t('loading')}</p>;
  if (route.name === 'invite') return <InvitePage token={route.token} />;
  if (route.name === 'verify') return <VerifyPage />;
  if (route.name === 'resetRequest') return <ResetRequestPage />;
  if (route.name === 'reset') return <ResetPasswordPage token={route.token} />;
  if (route.name === 'confirmEmail') return <ConfirmEmailPage token={route.token} />;
  if (account === null) return <AuthForm />;
  switch (route.name) {
    case 'account':
      return <AccountPage />;
    case 'home':
      return <PartnershipList />;
    case 'newPartnership':
      return <CreatePartnership />;
    case 'partnership':
      return <PartnershipPage key={route.partnershipId} partnershipId={route.partnershipId} />;
    case 'agreement':
      return <AgreementPage key={route.partnershipId} partnershipId={route.partnershipId} />;
    case 'itinerary':
      return (
        <ItineraryPage
          key={`${route.partnershipId}/${route.side}`}
          partnershipId={route.partnershipId}
          side={route.side}
        />
      );
    case 'compareLegs':
      return <CompareLegs key={route.partnershipId} partnershipId={route.partnershipId} />;
    case 'inbox':
      return <InboxPage key={route.partnershipId} partnershipId={route.partnershipId} />;
    case 'agreementPrint':
      return <PrintAgreement key={route.partnershipId} partnershipId={route.partnershipId} />;
    default: {
      const never: never = route;
      return never;
    }
  }
}
