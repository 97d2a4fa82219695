export * from './database.ts';
export * from './open.ts';
export * from './migrate.ts';
export { openPglite } from './pglite.ts';
export { openPostgres, redactUrl } from './postgres.ts';
export * as schema from './schema/index.ts';
