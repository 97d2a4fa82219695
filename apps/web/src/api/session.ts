/**
 * Browser-side session state. Local mode authenticates with an HttpOnly
 * cookie set by the server, so nothing is stored here; cloud mode keeps the
 * access and refresh tokens and the chosen workspace in localStorage.
 */
const ACCESS = 'cf.access_token';
const REFRESH = 'cf.refresh_token';
const WORKSPACE = 'cf.workspace_id';

function read(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode without storage: the session lasts for this page only.
  }
}

export const session = {
  accessToken: () => read(ACCESS),
  refreshToken: () => read(REFRESH),
  workspaceId: () => read(WORKSPACE),
  setTokens(access: string | undefined, refresh?: string) {
    write(ACCESS, access);
    if (refresh !== undefined || access === undefined) write(REFRESH, refresh);
  },
  setWorkspace(id: string | undefined) {
    write(WORKSPACE, id);
  },
  clear() {
    write(ACCESS, undefined);
    write(REFRESH, undefined);
    write(WORKSPACE, undefined);
  },
};
