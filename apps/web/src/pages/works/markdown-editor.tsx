import { BoldOutlined, CodeOutlined, FontSizeOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

interface Edit {
  before: string;
  after: string;
  /** Text used when nothing is selected. */
  placeholder: string;
  /** Applies to the start of each selected line instead of wrapping. */
  linePrefix?: boolean;
}

/** Applies a Markdown edit to `value` at the selection; returns the new text and selection. */
export function applyEdit(value: string, start: number, end: number, edit: Edit): { value: string; start: number; end: number } {
  const selected = value.slice(start, end) || edit.placeholder;
  if (edit.linePrefix) {
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    const block = value.slice(lineStart, end) || edit.placeholder;
    const prefixed = block
      .split('\n')
      .map((line) => edit.before + line)
      .join('\n');
    return { value: value.slice(0, lineStart) + prefixed + value.slice(Math.max(end, lineStart)), start: lineStart, end: lineStart + prefixed.length };
  }
  const next = value.slice(0, start) + edit.before + selected + edit.after + value.slice(end);
  return { value: next, start: start + edit.before.length, end: start + edit.before.length + selected.length };
}

const TOOLS: Array<{ key: MessageKey; icon: ReactNode; edit: Edit }> = [
  { key: 'editor.heading', icon: <FontSizeOutlined />, edit: { before: '## ', after: '', placeholder: '小标题', linePrefix: true } },
  { key: 'editor.bold', icon: <BoldOutlined />, edit: { before: '**', after: '**', placeholder: '加粗文字' } },
  { key: 'editor.italic', icon: <ItalicOutlined />, edit: { before: '*', after: '*', placeholder: '斜体文字' } },
  { key: 'editor.quote', icon: <span style={{ fontWeight: 700 }}>“</span>, edit: { before: '> ', after: '', placeholder: '引用', linePrefix: true } },
  { key: 'editor.list', icon: <OrderedListOutlined />, edit: { before: '- ', after: '', placeholder: '列表项', linePrefix: true } },
  { key: 'editor.link', icon: <LinkOutlined />, edit: { before: '[', after: '](https://)', placeholder: '链接文字' } },
  { key: 'editor.code', icon: <CodeOutlined />, edit: { before: '`', after: '`', placeholder: 'code' } },
];

export function MarkdownEditor({ value, onChange, onInsertImage }: { value: string; onChange: (value: string) => void; onInsertImage?: () => void }) {
  const { t } = useI18n();
  const ref = useRef<TextAreaRef>(null);

  const run = (edit: Edit) => {
    const area = ref.current?.resizableTextArea?.textArea;
    if (!area) return;
    const result = applyEdit(value, area.selectionStart, area.selectionEnd, edit);
    onChange(result.value);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(result.start, result.end);
    });
  };

  return (
    <div className="cf-editor">
      <Space size={2} wrap style={{ marginBottom: 8 }} role="toolbar" aria-label="markdown">
        {TOOLS.map((tool) => (
          <Tooltip key={tool.key} title={t(tool.key)}>
            <Button type="text" icon={tool.icon} aria-label={t(tool.key)} onClick={() => run(tool.edit)} />
          </Tooltip>
        ))}
        {onInsertImage ? (
          <Tooltip title={t('editor.insertAsset')}>
            <Button type="text" icon={<PictureOutlined />} aria-label={t('editor.image')} onClick={onInsertImage} data-testid="insert-image" />
          </Tooltip>
        ) : null}
      </Space>
      <Input.TextArea
        ref={ref}
        data-testid="work-body"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 18, maxRows: 40 }}
        onKeyDown={(e) => {
          if (!(e.ctrlKey || e.metaKey)) return;
          if (e.key === 'b') {
            e.preventDefault();
            run(TOOLS[1]!.edit);
          } else if (e.key === 'i') {
            e.preventDefault();
            run(TOOLS[2]!.edit);
          }
        }}
      />
    </div>
  );
}

/** Inserts text (e.g. an image reference) at the end of the body on its own line. */
export function appendBlock(body: string, block: string): string {
  return body.endsWith('\n') || body === '' ? `${body}${block}\n` : `${body}\n\n${block}\n`;
}
