import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { mayRun } from './access.js';
import { onSessionLost } from './api/client.js';
import { Shell } from './components/shell.js';
import { SignInPage } from './pages/sign-in.js';
import { endSession, readSession, SessionContext, type CurrentUser, type SessionState } from './session.js';

// Pages after sign-in load on demand: the sign-in page stays small on a slow connection.
const DossierListPage = lazy(() => import('./pages/dossier-list.js'));
const DossierPage = lazy(() => import('./pages/dossier.js'));
const NotFoundPage = lazy(() => import('./pages/not-found.js'));
const OpenDossierPage = lazy(() => import('./pages/open-dossier.js'));
const QueuePage = lazy(() => import('./pages/queue.js'));
const ReportPage = lazy(() => import('./pages/report.js'));
// The system administrator's pages: a chunk of their own, never loaded by the other roles.
const AdminCatalogPage = lazy(() => import('./pages/admin-catalog.js'));
const AdminUsersPage = lazy(() => import('./pages/admin-users.js'));
const AdminUserPage = lazy(() => import('./pages/admin-user.js'));
const TrackingLookupPage = lazy(() => import('./pages/tracking-lookup.js'));
const VerifyDecisionPage = lazy(() => import('./pages/verify-decision.js'));
// The provincial office's re-check campaign: a chunk of its own.
const CampaignPage = lazy(() => import('./pages/campaign.js'));
// A unit's yearly re-check, as its commune works on it.
const RecheckPage = lazy(() => import('./pages/recheck.js'));

/** Pages anyone may open, signed in or not. */
const publicPages: Record<string, typeof TrackingLookupPage> = { '/tra-cuu': TrackingLookupPage, '/xac-thuc-quyet-dinh': VerifyDecisionPage };

const loading = (
  <Center h={200} aria-live="polite">
    <Loader aria-label="Đang tải" />
  </Center>
);

export function App() {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [location, navigate] = useLocation();

  useEffect(() => {
    void readSession().then(setUser);
    return onSessionLost(() => setUser(null));
  }, []);

  const signOut = useCallback(async () => {
    const providerSignOut = await endSession();
    // Signed in through the province's provider: end the session there too (it comes back to the sign-in page).
    if (providerSignOut !== null) return window.location.assign(providerSignOut);
    setUser(null);
    navigate('/dang-nhap');
  }, [navigate]);
  const session = useMemo<SessionState>(() => ({ user: user ?? null, signedIn: setUser, signOut }), [user, signOut]);

  if (user === undefined) return loading;
  if (user === null) {
    const PublicPage = publicPages[location];
    return (
      <SessionContext.Provider value={session}>
        {PublicPage ? (
          <Suspense fallback={loading}>
            <PublicPage />
          </Suspense>
        ) : location === '/dang-nhap' ? (
          <SignInPage />
        ) : (
          <Redirect to={`/dang-nhap?tiep=${encodeURIComponent(location)}`} replace />
        )}
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell>
        <Suspense fallback={loading}>
          <Switch>
            <Route path="/dang-nhap">
              <Redirect to="/" replace />
            </Route>
            {/* An administrator reads no dossiers: their first page is the users'. */}
            <Route path="/">{mayRun(user, 'dossier.read') || !mayRun(user, 'users.manage') ? <DossierListPage /> : <Redirect to="/quan-tri/nguoi-dung" replace />}</Route>
            <Route path="/ho-so/moi" component={OpenDossierPage} />
            <Route path="/viec-tham-dinh" component={QueuePage} />
            <Route path="/tra-cuu" component={TrackingLookupPage} />
            <Route path="/xac-thuc-quyet-dinh" component={VerifyDecisionPage} />
            <Route path="/bao-cao">{mayRun(user, 'report.read') ? <ReportPage /> : <NotFoundPage />}</Route>
            <Route path="/ho-so/:id">{(params) => <DossierPage id={params.id} />}</Route>
            {/* Anyone else at these addresses gets the not-found page, and no admin page (nor its requests) loads. */}
            <Route path="/quan-tri/danh-muc">{mayRun(user, 'catalog.write') ? <AdminCatalogPage /> : <NotFoundPage />}</Route>
            <Route path="/quan-tri/nguoi-dung">{mayRun(user, 'users.manage') ? <AdminUsersPage /> : <NotFoundPage />}</Route>
            <Route path="/quan-tri/them-nguoi-dung">{mayRun(user, 'users.manage') ? <AdminUserPage username={null} /> : <NotFoundPage />}</Route>
            <Route path="/quan-tri/nguoi-dung/:username">{(params) => (mayRun(user, 'users.manage') ? <AdminUserPage username={decodeURIComponent(params.username)} /> : <NotFoundPage />)}</Route>
            <Route path="/ra-soat-duy-tri/:id">{(params) => <RecheckPage id={params.id} />}</Route>
            <Route path="/ra-soat">{mayRun(user, 'campaign.manage') ? <CampaignPage /> : <NotFoundPage />}</Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}
