export * from './schema.ts';
export * from './expression.ts';
export * from './template.ts';
export * from './json-schema.ts';
export * from './analysis.ts';
export * from './validate.ts';
export { didYouMean, editDistance } from './suggest.ts';
