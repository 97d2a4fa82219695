import type { RoutePlugin } from './types.ts';

/** Routes of the llm domain. */
export const llmRoutes: RoutePlugin = async () => {};
