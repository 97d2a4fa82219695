/**
 * Registers /sw.js (app-shell cache, see public/sw.js) in production builds.
 * The dev server skips it so hot reload is never served from a stale cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // Installability is a bonus; the app works without it.
      console.warn('service worker registration failed', error);
    });
  });
}
