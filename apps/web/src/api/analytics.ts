import { api, apiResponse } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse } from './schema.ts';

export type AnalyticsOverview = ApiResponse<'/api/analytics/overview'>;
export type AnalyticsPostPage = ApiResponse<'/api/analytics/posts'>;
export type AnalyticsPost = AnalyticsPostPage['items'][number];
export type AnalyticsHeatmap = ApiResponse<'/api/analytics/heatmap'>;
export type AnalyticsBreakdown = ApiResponse<'/api/analytics/breakdown'>;
export type PostDetail = ApiResponse<'/api/metrics/posts/{id}'>;
export type ScoreFeature = NonNullable<PostDetail['viral_score']>['features'][number];
export type PostQuery = ApiQuery<'/api/analytics/posts'>;
export type TrackPostBody = ApiBody<'/api/metrics/posts'>;

export const analyticsApi = {
  overview: (days: number) => api<AnalyticsOverview>('/api/analytics/overview', { query: { days } }),
  posts: (query: PostQuery) => api<AnalyticsPostPage>('/api/analytics/posts', { query }),
  heatmap: () => api<AnalyticsHeatmap>('/api/analytics/heatmap'),
  breakdown: () => api<AnalyticsBreakdown>('/api/analytics/breakdown'),
  post: (id: string) => api<PostDetail>(`/api/metrics/posts/${encodeURIComponent(id)}`),
  collect: (id: string) => api<PostDetail>(`/api/metrics/posts/${encodeURIComponent(id)}/collect`, { method: 'POST', body: {} }),
  track: (body: TrackPostBody) => api<ApiResponse<'/api/metrics/posts', 'post', 201>>('/api/metrics/posts', { body }),
  questionToIdea: (postId: string, commentId: string) =>
    api<ApiResponse<'/api/metrics/posts/{id}/questions/{comment_id}/idea', 'post', 201>>(`/api/metrics/posts/${encodeURIComponent(postId)}/questions/${encodeURIComponent(commentId)}/idea`, { method: 'POST', body: {} }),
  /** Downloads the post table (CSV or XLSX) with the session's auth, as a file the browser saves. */
  async download(format: 'csv' | 'xlsx', query: Omit<PostQuery, 'limit' | 'offset'>): Promise<void> {
    const response = await apiResponse('/api/analytics/export', { query: { ...query, format } });
    const blob = await response.blob();
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `posts.${format}`);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
