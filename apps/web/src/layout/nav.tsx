import {
  AimOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  BookOutlined,
  BulbOutlined,
  CloudUploadOutlined,
  EditOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FireOutlined,
  HistoryOutlined,
  PictureOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/i18n.tsx';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  children?: NavItem[];
}

/** The side navigation, in the order a creator works. */
export const NAV: NavItem[] = [
  { path: '/workbench', label: 'nav.workbench', icon: <ExperimentOutlined /> },
  { path: '/works', label: 'nav.works', icon: <FileTextOutlined /> },
  { path: '/trends', label: 'nav.trends', icon: <FireOutlined /> },
  { path: '/topics', label: 'nav.topics', icon: <AimOutlined /> },
  {
    path: '/library',
    label: 'nav.library',
    icon: <BookOutlined />,
    children: [
      { path: '/library/ideas', label: 'nav.library.ideas', icon: <BulbOutlined /> },
      { path: '/library/assets', label: 'nav.library.assets', icon: <PictureOutlined /> },
      { path: '/library/kb', label: 'nav.library.kb', icon: <ApartmentOutlined /> },
    ],
  },
  { path: '/publish', label: 'nav.publish', icon: <CloudUploadOutlined /> },
  { path: '/analytics', label: 'nav.analytics', icon: <BarChartOutlined /> },
  { path: '/llm', label: 'nav.llm', icon: <EditOutlined /> },
  { path: '/runs', label: 'nav.runs', icon: <HistoryOutlined /> },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined /> },
];

/** Phones get four tabs for the things done on the go, and 更多 for the rest. */
export const MOBILE_TABS: NavItem[] = [
  { path: '/library/ideas', label: 'nav.library.ideas', icon: <BulbOutlined /> },
  { path: '/works', label: 'nav.works', icon: <FileTextOutlined /> },
  { path: '/workbench', label: 'nav.workbench', icon: <ExperimentOutlined /> },
  { path: '/runs', label: 'nav.runs', icon: <HistoryOutlined /> },
];

/** The fifth tab: it opens a sheet with every other page. */
export const MORE_TAB: NavItem = { path: '#more', label: 'nav.more', icon: <AppstoreOutlined /> };

/** Every page of the desktop menu (leaves of NAV) that has no tab on a phone, in menu order — pages added to NAV appear here by themselves. */
export function morePages(): NavItem[] {
  const leaves = NAV.flatMap((item) => (item.children?.length ? item.children : [item]));
  return leaves.filter((item) => !MOBILE_TABS.some((tab) => tab.path === item.path));
}
