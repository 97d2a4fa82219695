import { CloudOutlined, DesktopOutlined, DisconnectOutlined, SyncOutlined } from '@ant-design/icons';
import { Badge, Drawer, Grid, Layout, Menu, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useHealth } from '../api/system.ts';
import { useI18n, type Locale } from '../i18n/i18n.tsx';
import { useOutbox } from '../offline/outbox-context.tsx';
import { WorkspaceSwitcher } from '../pages/account/workspace-switcher.tsx';
import { MOBILE_TABS, MORE_TAB, NAV, morePages, type NavItem } from './nav.tsx';
import { BrandMark } from './brand.tsx';
import { NotificationBell } from './notification-bell.tsx';

function selectedKey(pathname: string): string {
  const all = NAV.flatMap((item) => [item, ...(item.children ?? [])]);
  const match = all.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '/workbench';
}

function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      aria-label="language"
      value={locale}
      onChange={setLocale}
      options={[
        { label: <span translate="no">中文</span>, value: 'zh-CN' },
        { label: <span translate="no">EN</span>, value: 'en' },
      ]}
    />
  );
}

/**
 * Offline, drafts waiting to sync, local or cloud. On a phone the header has
 * room for one line only: the tags shrink to icons (with the count), and the
 * mode — which does not change on a phone — is left out.
 */
function StatusBadges({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const { online, pending, syncing } = useOutbox();
  const health = useHealth();
  return (
    <Space size={compact ? 4 : 8} wrap={!compact}>
      {!online ? (
        <Tooltip title={t('shell.offline')}>
          <Tag icon={<DisconnectOutlined />} color="warning" data-testid="offline-badge" style={compact ? { marginInlineEnd: 0 } : undefined}>
            {t('shell.offline').split('：')[0]?.split(':')[0]}
          </Tag>
        </Tooltip>
      ) : null}
      {pending > 0 ? (
        <Tooltip title={t('shell.pending', { count: pending })}>
          <Tag icon={<SyncOutlined spin={syncing} />} color="processing" data-testid="pending-badge" style={compact ? { marginInlineEnd: 0 } : undefined}>
            {compact ? pending : t('shell.pending', { count: pending })}
          </Tag>
        </Tooltip>
      ) : null}
      {health.data && !compact ? (
        <Tag variant="filled" icon={health.data.mode === 'local' ? <DesktopOutlined /> : <CloudOutlined />}>
          {health.data.mode === 'local' ? t('shell.localMode') : t('shell.cloudMode')}
        </Tag>
      ) : null}
    </Space>
  );
}

function menuItems(items: NavItem[], t: ReturnType<typeof useI18n>['t']): NonNullable<Parameters<typeof Menu>[0]['items']> {
  return items.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.label),
    children: item.children ? menuItems(item.children, t) : undefined,
  }));
}

/**
 * The phone's bottom navigation, with a dot on the tab whose drafts wait to sync.
 * The last tab, 更多, opens every page of the desktop menu that has no tab of its own.
 */
function TabBar({ selected }: { selected: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { entries } = useOutbox();
  const [moreOpen, setMoreOpen] = useState(false);
  // Ideas wait on 想法库, work drafts on 作品.
  const waiting = new Set<string>(entries.map((e) => (e.kind === 'idea' ? '/library/ideas' : '/works')));
  const isActive = (path: string) => selected === path || selected.startsWith(`${path}/`);
  const more = morePages();
  const moreActive = !MOBILE_TABS.some((tab) => isActive(tab.path));
  const tabs = [...MOBILE_TABS, MORE_TAB];
  return (
    <>
      <nav className="cf-tabbar" aria-label="tabs">
        {tabs.map((tab) => {
          const isMore = tab === MORE_TAB;
          const active = isMore ? moreActive : isActive(tab.path);
          return (
            <button
              key={tab.path}
              type="button"
              className={active ? 'cf-tab cf-tab-active' : 'cf-tab'}
              onClick={() => (isMore ? setMoreOpen(true) : navigate(tab.path))}
              data-testid={isMore ? 'tab-more' : undefined}
            >
              <Badge dot={waiting.has(tab.path)} offset={[2, 0]}>
                <span className="cf-tab-icon">{tab.icon}</span>
              </Badge>
              <span className="cf-tab-label">{t(tab.label)}</span>
            </button>
          );
        })}
      </nav>
      <Drawer placement="bottom" open={moreOpen} onClose={() => setMoreOpen(false)} title={t('nav.more')} size="auto" styles={{ body: { padding: 8 } }} data-testid="more-drawer">
        <Menu
          mode="vertical"
          selectedKeys={[selected]}
          items={more.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
          onClick={({ key }) => {
            setMoreOpen(false);
            navigate(key);
          }}
          style={{ borderInlineEnd: 'none' }}
          data-testid="more-menu"
        />
      </Drawer>
    </>
  );
}

/**
 * The frame around every page: side navigation on desktops, a bottom tab bar on phones.
 * Both layouts keep the page at the same place in the tree, so crossing the
 * breakpoint (a window resized, a tablet turned) re-lays out the page instead
 * of remounting it, which would throw away open dialogs and unsaved input.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const location = useLocation();
  const navigate = useNavigate();
  const selected = selectedKey(location.pathname);

  return (
    <Layout className={mobile ? 'cf-shell cf-shell-mobile' : 'cf-shell'} hasSider={!mobile}>
      {mobile ? null : (
        <Layout.Sider width={216} breakpoint="lg" collapsedWidth={72} theme="light" className="cf-sider">
          <BrandMark />
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['/library']}
            items={menuItems(NAV, t)}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className={mobile ? 'cf-header cf-header-mobile' : 'cf-header'}>
          {mobile ? <BrandMark compact /> : <WorkspaceSwitcher />}
          <Space size={mobile ? 8 : 12}>
            <StatusBadges compact={mobile} />
            <NotificationBell />
            <LanguageSwitch />
          </Space>
        </Layout.Header>
        <Layout.Content className={mobile ? 'cf-content cf-content-mobile' : 'cf-content'}>{children}</Layout.Content>
        {mobile ? (
          <TabBar selected={selected} />
        ) : (
          <Layout.Footer className="cf-footer">
            <Typography.Text type="secondary">
              {t('app.name')} · {t('app.tagline')}
            </Typography.Text>
          </Layout.Footer>
        )}
      </Layout>
    </Layout>
  );
}
