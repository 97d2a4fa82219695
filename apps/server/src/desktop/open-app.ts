import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface OpenAppOptions {
  url: string;
  /** A Chromium-family browser: the app opens in its own window (`--app`), installable as a PWA from there. */
  browser?: string;
  platform?: NodeJS.Platform;
  /** Starts a detached process; replaced in tests. */
  launch?: (command: string, args: string[]) => Promise<void>;
}

export interface OpenedApp {
  how: 'app-window' | 'default-browser';
  command: string;
}

/**
 * Opens the local app for `creatorflow start --open`: an app window of Chrome,
 * Edge or Chromium when one is installed, else the system's default browser.
 * The URL is our own loopback address; nothing here comes from a request.
 */
export async function openApp(options: OpenAppOptions): Promise<OpenedApp> {
  const platform = options.platform ?? process.platform;
  const launch = options.launch ?? launchDetached;
  if (options.browser && existsSync(options.browser)) {
    try {
      await launch(options.browser, [`--app=${options.url}`, '--no-first-run', '--no-default-browser-check']);
      return { how: 'app-window', command: options.browser };
    } catch {
      // A browser that will not start (a broken install, no display): the default browser still may.
    }
  }
  const [command, args] = defaultBrowserCommand(platform, options.url);
  await launch(command, args);
  return { how: 'default-browser', command };
}

export function defaultBrowserCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; the empty string is the window title it would otherwise take from the URL.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Starts a program that outlives us, failing only when it cannot be started at all. */
function launchDetached(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
