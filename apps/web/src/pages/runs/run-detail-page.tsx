import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RunView } from './run-view.tsx';

export default function RunDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { runId = '' } = useParams();
  return (
    <>
      <PageHeader title={<><Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/runs')} aria-label={t('common.back')} /> {runId}</>} />
      <RunView runId={runId} showLedger />
    </>
  );
}
