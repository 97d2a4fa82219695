import { DeleteOutlined, EditOutlined, ExperimentOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { IDEA_STATUSES, createWork, type Idea, type IdeaStatus } from '../../api/library.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';

const STATUS_COLORS: Record<IdeaStatus, string> = { new: 'blue', in_progress: 'gold', used: 'green', archived: 'default' };

export function IdeaCard({ idea }: { idea: Idea }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/ideas'] });

  const setStatus = async (status: IdeaStatus) => {
    try {
      await api(`/api/ideas/${idea.id}`, { method: 'PATCH', body: { status } });
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const toWork = async () => {
    try {
      const title = idea.text.split('\n')[0]!.slice(0, 60);
      const work = await createWork({ kind: 'article', title, body: idea.text, idea_id: idea.id, tags: idea.tags });
      if (idea.status === 'new') await api(`/api/ideas/${idea.id}`, { method: 'PATCH', body: { status: 'in_progress' } });
      navigate(`/works/${work.id}`);
    } catch (error) {
      notifyError(error);
    }
  };

  const remove = async () => {
    try {
      await api(`/api/ideas/${idea.id}`, { method: 'DELETE' });
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card size="small" className="cf-idea" data-testid="idea-card" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 15 }} ellipsis={{ rows: 6, expandable: true, symbol: '…' }}>
        {idea.text}
      </Typography.Paragraph>
      {idea.link ? (
        <Typography.Link href={idea.link} target="_blank" rel="noreferrer" ellipsis style={{ fontSize: 12 }}>
          <LinkOutlined /> {idea.link}
        </Typography.Link>
      ) : null}
      <div>
        {idea.tags.map((tag) => (
          <Tag key={tag} color="purple" variant="filled">
            #{tag}
          </Tag>
        ))}
        {idea.work_ids.length > 0 ? <Tag>{t('ideas.works', { count: idea.work_ids.length })}</Tag> : null}
      </div>
      <div style={{ flex: 1 }} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}>
        <Space size={4}>
          <Select<IdeaStatus>
            size="small"
            variant="borderless"
            value={idea.status}
            onChange={(s) => void setStatus(s)}
            popupMatchSelectWidth={false}
            options={IDEA_STATUSES.map((s) => ({ value: s, label: <Tag color={STATUS_COLORS[s]}>{t(`ideas.status.${s}`)}</Tag> }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {shortTime(idea.created_at, locale)}
          </Typography.Text>
        </Space>
        <Space size={0}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => void toWork()}>
            {t('ideas.toWork')}
          </Button>
          <Button size="small" type="text" icon={<ExperimentOutlined />} onClick={() => navigate(`/workbench?idea=${idea.id}`)} data-testid="idea-to-agent">
            {t('ideas.toAgent')}
          </Button>
          <Popconfirm title={t('ideas.deleteConfirm')} onConfirm={() => void remove()}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      </div>
    </Card>
  );
}
