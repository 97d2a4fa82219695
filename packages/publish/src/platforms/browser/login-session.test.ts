import { describe, expect, it } from 'vitest';
import { canShowBrowserWindow } from './login-session.ts';

describe('canShowBrowserWindow', () => {
  it('needs an X11 or Wayland display on Linux, where servers and containers have none', () => {
    expect(canShowBrowserWindow({}, 'linux')).toBe(false);
    expect(canShowBrowserWindow({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(canShowBrowserWindow({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
  });

  it('assumes a desktop on macOS and Windows', () => {
    expect(canShowBrowserWindow({}, 'darwin')).toBe(true);
    expect(canShowBrowserWindow({}, 'win32')).toBe(true);
  });
});
