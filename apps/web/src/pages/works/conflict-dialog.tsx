import { Button, Modal, Space, Typography } from 'antd';
import type { WorkConflict } from '../../api/library.ts';
import { DiffView, lineChanges } from '../../components/diff-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Shown on 409 WORK_VERSION_CONFLICT: what the server has vs. what you wrote, and a choice. */
export function ConflictDialog({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: WorkConflict | undefined;
  mine: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal open={conflict !== undefined} title={t('editor.conflictTitle')} closable={false} mask={{ closable: false }} footer={null} width={760} destroyOnHidden data-testid="conflict-dialog">
      {conflict ? (
        <>
          <Typography.Paragraph>{t('editor.conflictDesc', { base: conflict.base_version, current: conflict.current_version })}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('editor.conflictDiff')}</Typography.Text>
          <DiffView changes={lineChanges(conflict.current.body, mine)} />
          <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }} wrap>
            <Button onClick={onTakeTheirs}>{t('editor.conflictTakeTheirs')}</Button>
            <Button type="primary" onClick={onKeepMine}>
              {t('editor.conflictKeepMine')}
            </Button>
          </Space>
        </>
      ) : null}
    </Modal>
  );
}
