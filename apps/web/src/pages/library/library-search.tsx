import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { SearchHit, SearchResults } from '../../api/library.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { renderHighlight } from '../../lib/highlight.tsx';

const TARGET: Record<SearchHit['type'], (hit: SearchHit) => string> = {
  idea: () => '/library/ideas',
  work: (hit) => `/works/${hit.id}`,
  asset: () => '/library/assets',
  knowledge: () => '/library/kb',
};

/** One search box across ideas, works, assets and knowledge, with highlighted snippets. */
export function LibrarySearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const search = (value: string) => {
    setQ(value.trim());
    setOpen(value.trim().length > 0);
  };
  const results = useQuery({
    queryKey: ['/api/search', q],
    queryFn: ({ signal }) => api<SearchResults>('/api/search', { query: { q, limit: 30 }, signal }),
    enabled: open && q.trim().length > 0,
  });

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined />}
        style={{ width: 320, maxWidth: '100%' }}
        data-testid="library-search"
        onSearch={search}
        // The results dialog takes the focus during the Enter keydown, so the key's default
        // action would land on the dialog's close button and shut it at once: prevent it. antd
        // also locks Enter until the key comes up in the input (which then never happens), so a
        // second Enter would be ignored; searching here as well is harmless (search is idempotent).
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          search(e.currentTarget.value);
        }}
      />
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('search.title', { q })} width={720}>
        <QueryState query={results} feature={t('common.search')}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('search.empty', { q })} />
            ) : (
              <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {data.items.map((hit) => (
                  <button
                    type="button"
                    key={`${hit.type}-${hit.id}`}
                    className="cf-search-hit"
                    data-testid="search-hit"
                    onClick={() => {
                      setOpen(false);
                      navigate(TARGET[hit.type](hit));
                    }}
                  >
                    <div>
                      <Tag color="geekblue">{t(`search.kind.${hit.type}` as MessageKey)}</Tag>
                      <Typography.Text strong>{renderHighlight(hit.title_highlight ?? hit.title)}</Typography.Text>
                    </div>
                    <div className="cf-snippet">{renderHighlight(hit.snippet)}</div>
                  </button>
                ))}
              </div>
            )
          }
        </QueryState>
      </Modal>
    </>
  );
}
