import { LinkOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOutbox } from '../../offline/outbox-context.tsx';

/**
 * Quick capture. The idea gets a client-side id before it is sent, so a
 * capture made offline is queued in IndexedDB and sent once, later.
 */
export function IdeaCapture() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const { submit } = useOutbox();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [showLink, setShowLink] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    const id = crypto.randomUUID();
    try {
      const outcome = await submit({
        id,
        kind: 'idea',
        label: trimmed.slice(0, 80),
        method: 'POST',
        path: '/api/ideas',
        body: { text: trimmed, tags, link: link.trim() || null, source: 'web' },
      });
      setText('');
      setLink('');
      setTags([]);
      if (outcome === 'sent') {
        void message.success(t('ideas.capture.saved'));
        await queryClient.invalidateQueries({ queryKey: ['/api/ideas'] });
      } else {
        void message.info(t('ideas.capture.queued'));
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
      <Input.TextArea
        data-testid="idea-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
        }}
        placeholder={t('ideas.capture.placeholder')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        variant="borderless"
        style={{ fontSize: 16, padding: 0 }}
        maxLength={10_000}
      />
      {showLink ? (
        <Input value={link} onChange={(e) => setLink(e.target.value)} placeholder={t('ideas.capture.link')} prefix={<LinkOutlined />} style={{ marginTop: 8 }} />
      ) : null}
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 12, flexWrap: 'wrap' }}>
        <Space wrap>
          <Select mode="tags" value={tags} onChange={setTags} placeholder={t('ideas.capture.tags')} style={{ minWidth: 180 }} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
          <Button icon={<LinkOutlined />} type={showLink ? 'primary' : 'default'} ghost={showLink} onClick={() => setShowLink(!showLink)} aria-label={t('ideas.capture.link')} />
        </Space>
        <Button type="primary" icon={<SendOutlined />} onClick={() => void save()} loading={busy} disabled={!text.trim()} data-testid="idea-submit">
          {t('ideas.capture.submit')}
        </Button>
      </div>
    </Card>
  );
}
