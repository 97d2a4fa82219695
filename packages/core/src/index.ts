export * from './errors.ts';
export * from './ids.ts';
export * from './clock.ts';
export * from './roles.ts';
export * from './blob-store.ts';
export * from './llm-port.ts';
export * from './job-queue.ts';
export * from './graph/index.ts';
