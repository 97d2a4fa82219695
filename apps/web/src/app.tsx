import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/errors.ts';
import { PageBoundary } from './components/page-boundary.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { AppShell } from './layout/shell.tsx';
import { OutboxProvider } from './offline/outbox-context.tsx';
import { SessionGate } from './pages/account/session-gate.tsx';

const WorkbenchPage = lazy(() => import('./pages/workbench/workbench-page.tsx'));
const DevicePage = lazy(() => import('./pages/account/device-page.tsx'));
const WorksPage = lazy(() => import('./pages/works/works-page.tsx'));
const WorkEditorPage = lazy(() => import('./pages/works/work-editor-page.tsx'));
const IdeasPage = lazy(() => import('./pages/library/ideas-page.tsx'));
const AssetsPage = lazy(() => import('./pages/library/assets-page.tsx'));
const KnowledgePage = lazy(() => import('./pages/library/knowledge-page.tsx'));
const PublishPage = lazy(() => import('./pages/publish/publish-page.tsx'));
const LlmPage = lazy(() => import('./pages/llm/llm-page.tsx'));
const RunsPage = lazy(() => import('./pages/runs/runs-page.tsx'));
const RunDetailPage = lazy(() => import('./pages/runs/run-detail-page.tsx'));
const TrendsPage = lazy(() => import('./pages/trends/trends-page.tsx'));
const TopicsPage = lazy(() => import('./pages/topics/topics-page.tsx'));
const SettingsPage = lazy(() => import('./pages/settings/settings-page.tsx'));
const AnalyticsPage = lazy(() => import('./pages/analytics/analytics-page.tsx'));
const LoginPage = lazy(() => import('./pages/account/login-page.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing route or a refused request will not fix itself by retrying.
      retry: (count, error) =>
        count < 2 && !(ApiError.isInstance(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

function Loading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Spin />
    </div>
  );
}

function Themed({ children }: { children: React.ReactNode }) {
  const { locale } = useI18n();
  // antd's calendars and date pickers take month and weekday names from dayjs's global locale, not from ConfigProvider.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#5b5bd6',
          borderRadius: 8,
          fontFamily:
            '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif',
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function Pages() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={
            <SessionGate>
              <AppShell>
                <PageBoundary>
                  <Suspense fallback={<Loading />}>
                    <Routes>
                      <Route path="/" element={<Navigate to="/workbench" replace />} />
                      <Route path="/workbench" element={<WorkbenchPage />} />
                      <Route path="/works" element={<WorksPage />} />
                      <Route path="/works/:workId" element={<WorkEditorPage />} />
                      <Route path="/library" element={<Navigate to="/library/ideas" replace />} />
                      <Route path="/library/ideas" element={<IdeasPage />} />
                      <Route path="/library/assets" element={<AssetsPage />} />
                      <Route path="/library/kb" element={<KnowledgePage />} />
                      <Route path="/trends" element={<TrendsPage />} />
                      <Route path="/topics" element={<TopicsPage />} />
                      <Route path="/publish" element={<PublishPage />} />
                      <Route path="/analytics" element={<AnalyticsPage />} />
                      <Route path="/llm" element={<LlmPage />} />
                      <Route path="/runs" element={<RunsPage />} />
                      <Route path="/runs/:runId" element={<RunDetailPage />} />
                      <Route path="/settings" element={<SettingsPage />} />
                      <Route path="/device" element={<DevicePage />} />
                      <Route path="*" element={<Navigate to="/workbench" replace />} />
                    </Routes>
                  </Suspense>
                </PageBoundary>
              </AppShell>
            </SessionGate>
          }
        />
      </Routes>
    </Suspense>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Themed>
          <OutboxProvider>
            <BrowserRouter>
              <Pages />
            </BrowserRouter>
          </OutboxProvider>
        </Themed>
      </QueryClientProvider>
    </I18nProvider>
  );
}
