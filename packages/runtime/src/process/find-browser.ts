import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A Chromium-family browser found on this machine. */
export interface FoundBrowser {
  path: string;
  /** What it is, for messages ("Google Chrome", "Microsoft Edge", "Chromium"). */
  name: string;
}

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
}

type Candidate = [name: string, path: string];

/**
 * Where Chrome, Edge and Chromium install themselves on each system, in the
 * order we prefer them: a stable Chrome or Edge (what creators log in with),
 * then Chromium. Paths are the vendors' default install locations.
 */
function candidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): Candidate[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '/', 'Applications')];
    return apps.flatMap((dir): Candidate[] => [
      ['Google Chrome', `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`],
      ['Microsoft Edge', `${dir}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`],
      ['Chromium', `${dir}/Chromium.app/Contents/MacOS/Chromium`],
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root): Candidate[] => [
      ['Google Chrome', `${root}\\Google\\Chrome\\Application\\chrome.exe`],
      ['Microsoft Edge', `${root}\\Microsoft\\Edge\\Application\\msedge.exe`],
      ['Chromium', `${root}\\Chromium\\Application\\chrome.exe`],
    ]);
  }
  // Linux and the BSDs: whatever is on PATH under the names distributions use, then fixed paths (snap, flatpak-less installs).
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const names: Candidate[] = [
    ['Google Chrome', 'google-chrome-stable'],
    ['Google Chrome', 'google-chrome'],
    ['Microsoft Edge', 'microsoft-edge-stable'],
    ['Microsoft Edge', 'microsoft-edge'],
    ['Chromium', 'chromium'],
    ['Chromium', 'chromium-browser'],
  ];
  return [
    ...names.flatMap(([name, bin]) => onPath.map((dir): Candidate => [name, join(dir, bin)])),
    ['Google Chrome', '/opt/google/chrome/chrome'],
    ['Microsoft Edge', '/opt/microsoft/msedge/msedge'],
    ['Chromium', '/snap/bin/chromium'],
  ];
}

/** The first installed Chromium-family browser, or undefined when there is none. */
export function findBrowser(search: BrowserSearch): FoundBrowser | undefined {
  const exists = search.exists ?? existsSync;
  for (const [name, path] of candidates(search.platform, search.env)) if (exists(path)) return { name, path };
  return undefined;
}

/**
 * The browser publishing and `start --open` use: `CREATORFLOW_CHROMIUM` (or the
 * config file) when set, else the first one found. Undefined when nothing is
 * installed; publishing then says how to install one or set the variable.
 */
export function browserPath(configured: string | undefined, search: BrowserSearch): string | undefined {
  return configured ?? findBrowser(search)?.path;
}
