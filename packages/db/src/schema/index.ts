export * from './foundation.ts';
export * from './library.ts';
export * from './llm.ts';
export * from './runtime.ts';
export * from './content.ts';
export * from './publish.ts';
export * from './insights.ts';
export * from './metrics.ts';
