import { Tag } from 'antd';
import type { RunStatus } from '../../api/runs.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const COLOR: Record<RunStatus, string> = { queued: 'default', running: 'processing', waiting: 'orange', completed: 'green', failed: 'red', cancelled: 'default' };

export function RunStatusTag({ status }: { status: RunStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="run-status">
      {t(`runs.status.${status}`)}
    </Tag>
  );
}
