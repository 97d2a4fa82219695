import { PictureOutlined, UndoOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { assetContentUrl } from '../../api/library.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { countChars } from '../../lib/count.ts';
import { AssetPicker } from '../works/asset-picker.tsx';

/** What one platform will get from the work (GET /api/publish/versions), with the catalogue's limits. */
export type PlatformVersionView = ApiResponse<'/api/publish/versions'>['versions'][number];

/** The person's changes for one platform, as POST /api/publish/jobs takes them in `versions`. */
export interface VersionEdit {
  title?: string;
  body?: string;
  tags?: string[];
  cover_uri?: string;
  video_uri?: string;
}

/** One limit the platform's version breaks right now; publishing is held until none is left. */
export interface VersionProblem {
  field: 'title' | 'body' | 'tags' | 'video' | 'platform';
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** The version as it will be published: the edits over what the server proposed. */
export function effectiveVersion(v: PlatformVersionView, edit: VersionEdit = {}) {
  return {
    title: edit.title ?? v.title,
    body: edit.body ?? v.body,
    tags: edit.tags ?? v.tags,
    coverUri: edit.cover_uri ?? v.cover_uri,
    videoUri: edit.video_uri,
  };
}

/** The catalogue limits this version breaks, counted the way the platform counts (the server checks the same again). */
export function versionProblems(v: PlatformVersionView, edit: VersionEdit = {}): VersionProblem[] {
  if (v.error) return [{ field: 'platform', key: 'publishEdit.cannot' }];
  const e = effectiveVersion(v, edit);
  const l = v.limits;
  const out: VersionProblem[] = [];
  const title = countChars(e.title.trim(), l.counting);
  if (l.title_required && title === 0) out.push({ field: 'title', key: 'publishEdit.titleRequired' });
  if (l.title_max !== null && title > l.title_max)
    out.push({ field: 'title', key: 'publishEdit.titleTooLong', vars: { n: title, max: l.title_max } });
  if (l.title_min !== null && title > 0 && title < l.title_min)
    out.push({ field: 'title', key: 'publishEdit.titleTooShort', vars: { n: title, min: l.title_min } });
  const body = countChars(e.body, l.counting);
  if (l.body_max !== null && body > l.body_max)
    out.push({ field: 'body', key: 'publishEdit.bodyTooLong', vars: { n: body, max: l.body_max } });
  if (l.tags_max !== null && e.tags.length > l.tags_max)
    out.push({ field: 'tags', key: 'publishEdit.tooManyTags', vars: { n: e.tags.length, max: l.tags_max } });
  if (v.needs_video && !e.videoUri) out.push({ field: 'video', key: 'publishEdit.videoRequired' });
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body with its closing topic line (`#骑行 #通勤` on 小红书, `#骑行#` on 微博)
 * rewritten for new tags, so the topics the note shows are the ones chosen.
 * A body without such a line (the person wrote topics into the text) is left as it is.
 */
export function withTagLine(body: string, tags: string[], format: string | null): string {
  if (!format) return body;
  const token = new RegExp(`^${escape(format).replace(escape('{tag}'), '[^\\s#]+')}$`, 'u');
  const cut = body.lastIndexOf('\n\n');
  const last = body.slice(cut + 2).trim();
  const isTagLine = last !== '' && last.split(/\s+/).every((w) => token.test(w));
  const text = isTagLine ? body.slice(0, Math.max(cut, 0)).trimEnd() : body;
  if (!isTagLine) return body;
  const line = tags
    .map((t) => format.replace('{tag}', t))
    .filter((w) => !text.includes(w))
    .join(' ');
  return line ? `${text}\n\n${line}` : text;
}

function Counter({ n, max, min }: { n: number; max: number | null; min?: number | null }) {
  const over = (max !== null && n > max) || (min != null && n > 0 && n < min);
  return (
    <Typography.Text
      type={over ? 'danger' : 'secondary'}
      style={{ fontSize: 12 }}
      data-testid="version-count"
    >
      {max !== null ? `${n} / ${max}` : n}
    </Typography.Text>
  );
}

/**
 * One platform's version in the publish dialog: title, body, tags, cover (and
 * the video for a video platform), each editable, with the platform's limits
 * counted as the person types. What is shown here is what is published.
 */
export function VersionEditor({
  version,
  edit,
  onChange,
}: {
  version: PlatformVersionView;
  edit: VersionEdit;
  onChange: (edit: VersionEdit) => void;
}) {
  const { t } = useI18n();
  const [picking, setPicking] = useState<'cover' | 'video'>();
  if (version.error) {
    return (
      <Alert
        type="warning"
        showIcon
        message={t('publishEdit.cannot')}
        description={version.error.message}
        data-testid="version-error"
      />
    );
  }
  const e = effectiveVersion(version, edit);
  const l = version.limits;
  const problems = versionProblems(version, edit);
  const problemOf = (field: VersionProblem['field']) => problems.find((p) => p.field === field);
  const status = (field: VersionProblem['field']) => (problemOf(field) ? 'error' : undefined);
  const help = (field: VersionProblem['field']) => {
    const p = problemOf(field);
    return p ? t(p.key, p.vars) : undefined;
  };
  const html = version.body_format === 'html';
  const hasTitle = l.title_required || l.title_max !== null || l.title_min !== null;
  const edited = Object.values(edit).some((v) => v !== undefined);
  const setTags = (tags: string[]) => {
    // An inline topic line moves with the tags; the body shown (and published) says the same as the tag field.
    const body = l.tag_placement === 'inline' && !html ? withTagLine(e.body, tags, l.tag_format) : undefined;
    onChange({ ...edit, tags, ...(body !== undefined && body !== e.body ? { body } : {}) });
  };
  const sourceKey: MessageKey = edited
    ? 'publishEdit.source.edited'
    : version.source === 'run'
      ? 'publishEdit.source.run'
      : 'publishEdit.source.work';
  return (
    <div data-testid="version-editor" data-platform={version.platform}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag
          color={edited ? 'blue' : version.source === 'run' ? 'green' : 'default'}
          data-testid="version-source"
        >
          {t(sourceKey)}
        </Tag>
        {version.mode === 'carousel' ? <Tag color="magenta">{t('publishEdit.mode.carousel')}</Tag> : null}
        {version.mode === 'post' ? <Tag>{t('publishEdit.mode.post')}</Tag> : null}
        {version.condensed && edit.body === undefined ? (
          <Tag color="orange">{t('publishEdit.condensed')}</Tag>
        ) : null}
        {edited ? (
          <Button
            size="small"
            type="link"
            icon={<UndoOutlined />}
            onClick={() => onChange({})}
            data-testid="version-reset"
          >
            {t('publishEdit.reset')}
          </Button>
        ) : null}
      </Space>
      <Form layout="vertical" component="div">
        {/* 微博 and 快手 posts carry no title: the catalogue gives them no title rule, so there is nothing to edit. */}
        {hasTitle ? (
          <Form.Item
            label={
              <Space size={8}>
                {t('publishEdit.title')}
                <Counter n={countChars(e.title.trim(), l.counting)} max={l.title_max} min={l.title_min} />
              </Space>
            }
            validateStatus={status('title')}
            help={help('title')}
            required={l.title_required}
          >
            <Input
              value={e.title}
              onChange={(ev) => onChange({ ...edit, title: ev.target.value })}
              data-testid="version-title"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label={
            <Space size={8}>
              {t('publishEdit.body')}
              <Counter n={countChars(e.body, l.counting)} max={l.body_max} />
            </Space>
          }
          validateStatus={status('body')}
          help={
            help('body') ??
            (html
              ? t('publishEdit.htmlBody')
              : l.counting === 'weibo'
                ? t('publishEdit.weiboCounting')
                : undefined)
          }
        >
          {html ? (
            <iframe
              title={t('publishEdit.body')}
              sandbox=""
              srcDoc={e.body}
              data-testid="version-body-preview"
              style={{
                width: '100%',
                height: 180,
                border: '1px solid var(--cf-border)',
                borderRadius: 6,
                background: '#fff',
              }}
            />
          ) : (
            <Input.TextArea
              value={e.body}
              autoSize={{ minRows: 4, maxRows: 10 }}
              onChange={(ev) => onChange({ ...edit, body: ev.target.value })}
              data-testid="version-body"
            />
          )}
        </Form.Item>
        <Form.Item
          label={
            <Space size={8}>
              {t('publishEdit.tags')}
              <Counter n={e.tags.length} max={l.tags_max} />
            </Space>
          }
          validateStatus={status('tags')}
          help={help('tags')}
        >
          <Select
            mode="tags"
            value={e.tags}
            onChange={setTags}
            tokenSeparators={[',', '，', ' ']}
            open={false}
            suffixIcon={null}
            placeholder={t('publishEdit.tagsHint')}
            data-testid="version-tags"
          />
        </Form.Item>
        <Form.Item label={t('publishEdit.cover')}>
          {version.mode === 'carousel' ? (
            <Typography.Text type="secondary">{t('publishEdit.coverCarousel')}</Typography.Text>
          ) : (
            <Space align="center" wrap>
              {e.coverUri ? (
                <img
                  src={assetContentUrl(e.coverUri)}
                  alt={t('publishEdit.cover')}
                  data-testid="version-cover"
                  style={{
                    height: 72,
                    maxWidth: 160,
                    objectFit: 'cover',
                    borderRadius: 6,
                    border: '1px solid var(--cf-border)',
                  }}
                />
              ) : (
                <Typography.Text type="secondary">
                  {version.platform === 'wechat_mp' ? t('publishEdit.coverAuto') : t('publishEdit.coverNone')}
                </Typography.Text>
              )}
              <Button
                size="small"
                icon={<PictureOutlined />}
                onClick={() => setPicking('cover')}
                data-testid="version-pick-cover"
              >
                {t('publishEdit.pickCover')}
              </Button>
            </Space>
          )}
        </Form.Item>
        {version.needs_video ? (
          <Form.Item
            label={t('publishEdit.video')}
            validateStatus={status('video')}
            help={help('video')}
            required
          >
            <Space wrap>
              {e.videoUri ? (
                <Tag color="green" data-testid="version-video">
                  {t('publishEdit.videoAttached')}
                </Tag>
              ) : null}
              <Button
                size="small"
                icon={<VideoCameraOutlined />}
                onClick={() => setPicking('video')}
                data-testid="version-pick-video"
              >
                {t('publishEdit.pickVideo')}
              </Button>
            </Space>
          </Form.Item>
        ) : null}
      </Form>
      <AssetPicker
        open={picking !== undefined}
        type={picking === 'video' ? 'video' : 'image'}
        title={picking === 'video' ? t('publishEdit.pickVideo') : t('publishEdit.pickCover')}
        onClose={() => setPicking(undefined)}
        onPick={(asset) => {
          onChange(
            picking === 'video' ? { ...edit, video_uri: asset.uri } : { ...edit, cover_uri: asset.uri },
          );
          setPicking(undefined);
        }}
      />
    </div>
  );
}
