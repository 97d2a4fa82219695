export { buildApp } from './app.ts';
export { createContext, type AppContext } from './context.ts';
export { loadConfig, defaultHome, type Config, type ConfigOverrides } from './config.ts';
export { startLocal, startCloud, type RunningInstance } from './start.ts';
export * from './local/home.ts';
export { resolveScope } from './auth/scope.ts';
export type { AuthContext, WorkspaceScope } from './auth/types.ts';
export type { App, RoutePlugin } from './routes/types.ts';
export { VERSION } from './version.ts';
