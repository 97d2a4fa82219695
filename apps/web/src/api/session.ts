/**
 * Browser-side session state. Local mode authenticates with an HttpOnly
 * cookie set by the server, so nothing is stored here. Cloud mode keeps the
 * short-lived access token and the chosen workspace in localStorage; the
 * 30-day refresh token is an HttpOnly, SameSite=Strict cookie (`cf_refresh`,
 * path /api/auth) that page scripts never see (REFRESH_HEADER asks for it).
 */
const ACCESS = 'cf.access_token';
/** Where earlier versions kept the refresh token: removed on load. */
const LEGACY_REFRESH = 'cf.refresh_token';
const WORKSPACE = 'cf.workspace_id';

/** Sent on login, register, refresh and logout: the refresh token travels as the HttpOnly cookie. */
export const REFRESH_HEADER = { 'x-creatorflow-refresh': 'cookie' } as const;

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

write(LEGACY_REFRESH, undefined);

export const session = {
  accessToken: () => read(ACCESS),
  workspaceId: () => read(WORKSPACE),
  setAccessToken(access: string | undefined) {
    write(ACCESS, access);
  },
  setWorkspace(id: string | undefined) {
    write(WORKSPACE, id);
  },
  clear() {
    write(ACCESS, undefined);
    write(WORKSPACE, undefined);
  },
};
