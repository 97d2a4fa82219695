import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { GroupsTab } from './groups-tab.tsx';
import { ImagesTab } from './images-tab.tsx';
import { KeysTab } from './keys-tab.tsx';
import { ModelsTab } from './models-tab.tsx';
import { ProvidersTab } from './providers-tab.tsx';
import { UsageTab } from './usage-tab.tsx';
import { CostsTab } from './costs-tab.tsx';

export default function LlmPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'providers';
  return (
    <>
      <PageHeader title={t('llm.title')} subtitle={t('llm.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          destroyOnHidden
          items={[
            { key: 'providers', label: t('llm.tab.providers'), children: <ProvidersTab /> },
            { key: 'models', label: t('llm.tab.models'), children: <ModelsTab /> },
            { key: 'groups', label: t('llm.tab.groups'), children: <GroupsTab /> },
            { key: 'keys', label: t('llm.tab.keys'), children: <KeysTab /> },
            { key: 'usage', label: t('llm.tab.usage'), children: <UsageTab /> },
            { key: 'costs', label: t('costs.tab'), children: <CostsTab /> },
            { key: 'images', label: t('llm.tab.images'), children: <ImagesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
