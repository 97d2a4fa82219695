import type { TestUser } from './users.ts';

/** What a fixture gets: workspace B, its owner, and a way to call the API as that owner. */
export interface IsolationContext {
  /** Owner of workspace B (acting through an owner-role API token bound to B). */
  owner: TestUser;
  /** Calls the API as B's owner; throws unless the answer is 2xx; returns the parsed JSON body. */
  call<T = Record<string, unknown>>(method: string, url: string, payload?: unknown): Promise<T>;
}

/**
 * Objects of one domain, created in workspace B, for the workspace isolation
 * test (`apps/server/src/workspace-isolation.test.ts`).
 *
 * `prefix` picks the routes it serves (the longest matching prefix wins);
 * `create` returns a value for each id-like path parameter of those routes
 * (`id`, `*Id`, `*_id`). Parameters without a value get a random UUID, so a
 * route without a fixture is still checked, just less sharply.
 * `bodies` gives a valid body for a write route ("POST /api/x/:id/y"), so the
 * request gets past validation and really tests the scope check.
 */
export interface IsolationFixture {
  prefix: string;
  create(b: IsolationContext): Promise<Record<string, string>>;
  bodies?: Record<string, unknown>;
}
