import { describe, expect, it } from 'vitest';
import { browserPath, findBrowser } from '@creatorflow/runtime';
import { defaultBrowserCommand, openApp } from './open-app.ts';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findBrowser', () => {
  it('finds Chrome on macOS in /Applications or ~/Applications', () => {
    expect(findBrowser({ platform: 'darwin', env: { HOME: '/Users/li' }, exists: only('/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') })).toEqual({
      name: 'Google Chrome',
      path: '/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    });
    expect(findBrowser({ platform: 'darwin', env: { HOME: '/Users/li' }, exists: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })?.name).toBe('Microsoft Edge');
  });

  it('finds Edge on Windows under Program Files (x86), where it installs by default', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const found = findBrowser({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, exists: only(edge) });
    expect(found).toEqual({ name: 'Microsoft Edge', path: edge });
  });

  it('prefers Chrome over Chromium on Linux and searches PATH', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(findBrowser({ platform: 'linux', env, exists: only('/usr/bin/chromium', '/usr/bin/google-chrome-stable') })).toEqual({ name: 'Google Chrome', path: '/usr/bin/google-chrome-stable' });
    expect(findBrowser({ platform: 'linux', env, exists: only('/usr/bin/chromium') })?.path).toBe('/usr/bin/chromium');
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/snap/bin/chromium') })?.path).toBe('/snap/bin/chromium');
    expect(findBrowser({ platform: 'linux', env, exists: () => false })).toBeUndefined();
  });

  it('uses CREATORFLOW_CHROMIUM when it is set, without searching', () => {
    expect(browserPath('/opt/my/chrome', { platform: 'linux', env: {}, exists: () => true })).toBe('/opt/my/chrome');
  });
});

describe('openApp', () => {
  it('opens an app window of the browser it was given', async () => {
    const launched: Array<[string, string[]]> = [];
    const opened = await openApp({ url: 'http://127.0.0.1:7788/?token=t', browser: process.execPath, launch: async (c, a) => void launched.push([c, a]) });
    expect(opened).toEqual({ how: 'app-window', command: process.execPath });
    expect(launched[0]![1][0]).toBe('--app=http://127.0.0.1:7788/?token=t');
  });

  it('falls back to the default browser when there is no Chromium or it will not start', async () => {
    const launched: string[] = [];
    const launch = async (command: string) => {
      launched.push(command);
      if (command === process.execPath) throw new Error('no display');
    };
    expect(await openApp({ url: 'http://127.0.0.1:1/', browser: process.execPath, platform: 'linux', launch })).toEqual({ how: 'default-browser', command: 'xdg-open' });
    expect(await openApp({ url: 'http://127.0.0.1:1/', browser: '/nonexistent/chrome', platform: 'darwin', launch })).toEqual({ how: 'default-browser', command: 'open' });
    expect(launched).toEqual([process.execPath, 'xdg-open', 'open']);
  });

  it('escapes & for cmd start on Windows', () => {
    expect(defaultBrowserCommand('win32', 'http://127.0.0.1:1/?a=1&token=t')).toEqual(['cmd', ['/c', 'start', '""', 'http://127.0.0.1:1/?a=1^&token=t']]);
  });
});
