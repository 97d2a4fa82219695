export * from './types.ts';
export type * from './tool-loop.ts';
export * from './engine.ts';
export * from './reducers.ts';
export * from './inputs.ts';
export { DEFAULT_MAX_STEPS } from './run-context.ts';
export { parseJsonReply } from './nodes-model.ts';
export { MemoryRunStore } from './memory-store.ts';
