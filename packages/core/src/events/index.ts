export * from './types.ts';
export * from './local-bus.ts';
