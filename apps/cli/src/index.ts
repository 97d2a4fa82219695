export { buildProgram } from './program.ts';
export { openClient, type ApiClient } from './api-client.ts';
