import type { Library } from '@creatorflow/library';

/**
 * Where a work's publishable content comes from, for every process that
 * creates publish jobs (the API server's routes, the `publish_work` tool in
 * the server or a cloud worker): the library, the finished runs that may hold
 * the work's per-platform versions, and a directory for the media copies.
 */
export interface WorkSource {
  mode: 'local' | 'cloud';
  library: Library;
  /** Where the files a job uploads are written (one folder per job content). */
  mediaDir: string;
  /** Finished runs of a workspace, newest first, with their output. */
  finishedRuns(workspaceId: string, limit: number): Promise<Array<{ id: string; output: unknown }>>;
}
