export * from './users.ts';
export * from './workspaces.ts';
export * from './invitations.ts';
export * from './api-tokens.ts';
export * from './refresh-tokens.ts';
export * from './audit.ts';
