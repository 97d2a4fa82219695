export * from './db.ts';
export * from './pglite-template.ts';
