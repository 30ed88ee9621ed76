// Lint is also the architecture's wall: the arrows of ARCHITECTURE.md are import rules here.
//   renderer -> shared, main -> shared; never shared -> main|renderer, never renderer -> main.
//   shared/ imports neither Node, DOM nor electron; only main/{index,window,preload}.ts import electron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules
  .filter((name) => !name.startsWith('_'))
  .flatMap((name) => [name, `node:${name}`]);

const restrict = (names, message) => names.map((name) => ({ name, message }));

const NODE_MESSAGE = 'Node built-ins are for main/ only: keep this layer portable (see ARCHITECTURE.md, Layout).';
const ELECTRON_MESSAGE = "Only main/index.ts, main/window.ts and main/preload.ts may import 'electron'.";
const MAIN_FROM_RENDERER = 'The renderer reaches main only through window.roomready (shared/ipc.ts), never by import.';
const UP_FROM_SHARED = 'shared/ is the bottom layer: it may not import main/ or renderer/.';
const DOWN_FROM_MAIN = 'main/ may not import renderer/.';

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch'];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test/artifacts/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrict(nodeBuiltins, NODE_MESSAGE),
            ...restrict(['electron'], ELECTRON_MESSAGE),
            ...restrict(['react', 'react-dom'], 'shared/ holds no UI.'),
          ],
          patterns: [
            { group: ['**/main', '**/main/**'], message: UP_FROM_SHARED },
            { group: ['**/renderer', '**/renderer/**'], message: UP_FROM_SHARED },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[...domGlobals, ...nodeGlobals].map((name) => ({ name, message: 'shared/ runs in Node and the renderer alike: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...restrict(nodeBuiltins, NODE_MESSAGE), ...restrict(['electron'], ELECTRON_MESSAGE)],
          patterns: [{ group: ['**/main', '**/main/**'], message: MAIN_FROM_RENDERER }],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals.map((name) => ({ name, message: 'The renderer has no Node.' }))],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/window.ts', 'main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(['electron'], ELECTRON_MESSAGE),
          patterns: [{ group: ['**/renderer', '**/renderer/**'], message: DOWN_FROM_MAIN }],
        },
      ],
    },
  },
  {
    files: ['main/index.ts', 'main/window.ts', 'main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer', '**/renderer/**'], message: DOWN_FROM_MAIN }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
