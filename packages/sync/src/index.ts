export * from './types.ts';
export * from './hash.ts';
export * from './cloud.ts';
export * from './client.ts';
