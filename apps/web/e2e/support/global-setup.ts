// The browser tests drive the built app: build it once when sources changed.
export default async function setup(): Promise<void> {
  const { ensureWebBuild } = (await import('../../scripts/ensure-build.mjs')) as { ensureWebBuild: () => boolean };
  ensureWebBuild();
}
