import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useGraphs, type Run } from '../../api/runs.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { graphTitle } from '../../lib/graph-text.ts';
import { RunView } from './run-view.tsx';

/** What a run is about: its topic, else its first text input (as the runs list shows it). */
function runSubject(inputs: Record<string, unknown> | null | undefined): string | undefined {
  if (!inputs) return undefined;
  const text = [inputs.topic, inputs.niche, inputs.idea, ...Object.values(inputs)].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (!text) return undefined;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export default function RunDetailPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { runId = '' } = useParams();
  const graphs = useGraphs();
  // Same query as the run view below: one request for both.
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => api<Run>(`/api/runs/${runId}`) });
  const graph = graphs.data?.items.find((g) => g.name === run.data?.graph);
  const subject = runSubject(run.data?.inputs as Record<string, unknown> | undefined);
  const title = run.data ? [subject, graph ? graphTitle(graph, locale) : undefined].filter(Boolean).join(' · ') || t('runs.title') : t('runs.title');
  return (
    <>
      <PageHeader title={<><Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/runs')} aria-label={t('common.back')} /> <span data-testid="run-title">{title}</span></>} />
      <RunView runId={runId} showLedger />
    </>
  );
}
