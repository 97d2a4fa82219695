import { ApiOutlined, CheckCircleTwoTone, CloseCircleTwoTone, DollarOutlined, LoadingOutlined, PauseCircleTwoTone, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { GraphInfo, RunEvent } from '../../api/runs.ts';
import { nodeLabel, toolLabel } from '../../lib/graph-text.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { useMoney } from '../../lib/money.ts';
import { ReadableOutput } from './readable-output.tsx';

interface Step {
  key: string;
  node: string | null;
  status: 'running' | 'done' | 'failed' | 'waiting' | 'info';
  type?: string;
  text: string;
  details: RunEvent[];
}

/** Folds the event stream into one step per node visit, with streamed text and tool calls inside. */
export function foldEvents(events: RunEvent[]): Step[] {
  const steps: Step[] = [];
  const open = new Map<string, Step>();
  for (const event of events) {
    const node = event.node;
    if (event.type === 'node_started' && node) {
      const step: Step = { key: `${node}-${event.seq}`, node, status: 'running', type: String(event.data.type ?? ''), text: '', details: [] };
      open.set(node, step);
      steps.push(step);
      continue;
    }
    const current = node ? open.get(node) : undefined;
    if (current) {
      if (event.type === 'message_delta') current.text += String(event.data.text ?? '');
      else if (event.type === 'node_completed') current.status = 'done';
      else if (event.type === 'node_failed') {
        if (event.data.retry_in_ms === undefined) current.status = 'failed';
        current.details.push(event);
      } else if (event.type === 'human_required') current.status = 'waiting';
      else if (event.type === 'human_responded') {
        current.status = 'done';
        current.details.push(event);
      } else current.details.push(event);
      continue;
    }
    steps.push({ key: `e-${event.seq}`, node, status: event.type === 'run_failed' ? 'failed' : event.type === 'run_completed' ? 'done' : 'info', text: '', details: [event] });
  }
  return steps;
}

/** A tool's name for people; a tool this UI does not know (an MCP server's, say) keeps its own name. */
function toolName(t: ReturnType<typeof useI18n>['t'], tool: unknown): string {
  return toolLabel(t, String(tool)) ?? String(tool);
}

function Detail({ event }: { event: RunEvent }) {
  const { t, locale } = useI18n();
  const { format: formatCents } = useMoney();
  const d = event.data;
  const label = t(`runs.event.${event.type}` as MessageKey);
  switch (event.type) {
    case 'tool_called':
      return (
        <div>
          <Tag icon={<ToolOutlined />} color="geekblue">
            {label} · {toolName(t, d.tool)}
          </Tag>
        </div>
      );
    case 'tool_result':
      return (
        <div>
          {/* A failure reads in the person's language (by its code); the tool's own words are folded away. Long text wraps. */}
          <Tag color={d.ok ? 'green' : 'red'} style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
            {label} · {toolName(t, d.tool)} {d.ok ? '✓' : `✗ ${errorMessage(typeof d.code === 'string' ? d.code : undefined, locale) ?? t('runs.toolFailed')}`}
          </Tag>
          {!d.ok && d.error ? (
            <details className="cf-tech-detail">
              <summary>{t('error.details')}</summary>
              <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{String(d.error)}</code>
            </details>
          ) : null}
        </div>
      );
    case 'cost_update':
      return (
        <div>
          <Tag icon={<DollarOutlined />}>
            <span translate="no">{String(d.model)}</span> · {t('runs.tokenUnit', { input: String(d.input_tokens), output: String(d.output_tokens) })} · {formatCents(Number(d.cost_cents))}
          </Tag>
        </div>
      );
    case 'budget_warning':
      return (
        <Tag icon={<WarningOutlined />} color="orange">
          {label} {d.ratio ? `${Math.round(Number(d.ratio) * 100)}%` : String(d.kind ?? '')}
        </Tag>
      );
    case 'node_failed': {
      // An attempt that will be retried says so briefly; the step's last failure says why.
      if (typeof d.retry_in_ms === 'number') {
        return <Typography.Text type="secondary">{t('runs.attemptRetry', { attempt: Number(d.attempt ?? 1), seconds: Math.max(1, Math.round(d.retry_in_ms / 1000)) })}</Typography.Text>;
      }
      const error = (d.error ?? d) as { code?: string; message?: string };
      return <Typography.Text type="danger">{errorMessage(error.code, locale) ?? error.message ?? ''}</Typography.Text>;
    }
    case 'run_failed':
      // Why it failed is in the alert above the timeline (with its technical details); not a third time here.
      return <Typography.Text type="danger">{label}</Typography.Text>;
    default:
      return <Typography.Text type="secondary">{label}</Typography.Text>;
  }
}

const DOTS: Record<Step['status'], ReactNode> = {
  running: <LoadingOutlined />,
  done: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  failed: <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
  waiting: <PauseCircleTwoTone twoToneColor="#faad14" />,
  info: <ApiOutlined />,
};

/** The live timeline: nodes, streamed text, tool calls, costs. */
export function RunTimeline({ events, graph }: { events: RunEvent[]; graph?: GraphInfo }) {
  const { t, locale } = useI18n();
  const steps = foldEvents(events);
  return (
    <Timeline
      data-testid="run-timeline"
      items={steps.map((step) => ({
        key: step.key,
        icon: DOTS[step.status],
        content: (
          <div data-testid="timeline-step" data-node={step.node ?? ''}>
            <Typography.Text strong>{step.node ? nodeLabel(graph, step.node, locale) : ''}</Typography.Text>{' '}
            {step.type ? <Tag variant="filled">{t(`runs.nodeType.${step.type}` as MessageKey)}</Tag> : null}
            {step.details.map((event) => (
              <Detail key={event.seq} event={event} />
            ))}
            {step.text ? <ReadableOutput text={step.text} /> : null}
          </div>
        ),
      }))}
    />
  );
}
