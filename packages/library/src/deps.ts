import type { Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { SearchIndex } from './search/search-index.ts';

/** What every library service is built from. */
export interface LibraryDeps {
  database: Database;
  search: SearchIndex;
  clock: Clock;
}

/** Who acts: every call is scoped to one workspace; `userId` is recorded as author. */
export interface Actor {
  workspaceId: string;
  userId?: string;
}
