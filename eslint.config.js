// One lint setup for the monorepo. The import rules enforce ARCHITECTURE §2:
// dependencies point inward (apps -> packages -> core); core does no I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const outsideWorld = ['fastify', 'fastify-*', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'ioredis', 'bullmq', 'playwright-core', '@aws-sdk/*', 'node:fs', 'node:fs/promises', 'node:http', 'node:net', 'node:child_process'];
const apps = ['@creatorflow/server', '@creatorflow/server/*', '@creatorflow/cli', '@creatorflow/cli/*', '@creatorflow/web', '@creatorflow/web/*'];
const packages = ['db', 'llm', 'platforms', 'content', 'publish', 'insights', 'library', 'runtime'].flatMap((p) => [`@creatorflow/${p}`, `@creatorflow/${p}/*`]);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/web/public/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...outsideWorld, ...apps, ...packages], message: 'core is pure: no I/O libraries, no other packages (ARCHITECTURE §2).' }] }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: apps, message: 'packages must not import apps (dependencies point inward).' }] }],
    },
  },
  {
    // The web app runs in the browser: TypeScript (lib DOM) already checks names, so no-undef would only repeat it without the DOM globals.
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'no-undef': 'off', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@creatorflow/*', ...outsideWorld], message: 'the web app talks to the server over HTTP only; it imports no server package or I/O library.' }] }],
    },
  },
);
