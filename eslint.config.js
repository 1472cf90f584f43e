// ESLint flat config. The layering rule below is the architecture in code:
//   renderer -> preload/contract <- main/*;  main/{entra,okta,windows} -> main/core;  main/core -> nothing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltinsForbiddenInCore = [
  'electron', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net',
  'http', 'node:http', 'https', 'node:https', 'http2', 'node:http2',
  'child_process', 'node:child_process', 'dgram', 'node:dgram', 'tls', 'node:tls',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', '.tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**', '**/main', 'electron', 'node:*'], message: 'The renderer talks only to window.rekey (see preload/contract.ts).' },
        ],
      }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'preload depends on nothing but zod and electron.' }],
      }],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinsForbiddenInCore.map((name) => ({ name, message: 'main/core is pure: I/O comes in through interfaces.' })),
        patterns: [
          { group: ['**/entra/**', '**/okta/**', '**/windows/**', '**/storage/**', '**/practice/**', '**/ipc/**', '**/cli/**', '**/renderer/**'], message: 'main/core imports nothing from the directory folders or the shell around it.' },
        ],
      }],
    },
  },
  {
    files: ['main/entra/**/*.ts', 'main/okta/**/*.ts', 'main/windows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**', 'electron'], message: 'directory folders depend on main/core only (secrets come in through an interface).' },
        ],
      }],
    },
  },
);
