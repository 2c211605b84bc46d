// Lint rules that keep the layers of docs/ARCHITECTURE (see ../shared/ARCHITECTURE.md) apart.
// Each layer lists what it must not import; test/layering.test.ts plants wrong imports to prove it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const msg = {
  shared: 'shared/ is pure TypeScript: no DOM, Node, Electron, React or UI libraries.',
  renderer: 'renderer/ reaches the backend only through the contract client: no Node, Electron or backend imports.',
  player: 'The player is small and self-contained: it may use shared/ but never the studio.',
  nodeSide: 'Backend, web host and CLI run in plain Node: never import electron, the Electron main or the renderer.',
  main: 'Electron main never imports the renderer.',
  preload: "The preload may import only 'electron' and shared/contract/channels.",
};

const nodeBuiltinPaths = (message) => NODE_BUILTINS.map((name) => ({ name, message }));
const nodeProtocol = (message) => ({ regex: '^node:', message });

/** The studio's editor and graph libraries: renderer/studio only, never shared/ or the player's small bundle. */
const STUDIO_UI_LIBRARIES = [
  '^@codemirror/',
  '^@lezer/',
  '^@xyflow/',
  '^@dagrejs/',
  '^@headless-tree/',
  '^@tanstack/',
  '^@tiptap/',
  '^react-resizable-panels',
];

/** no-restricted-imports for one layer: bare module names plus regexes over the import path. */
const restrict = (names, regexes, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => (typeof name === 'string' ? { name, message } : name)),
      patterns: regexes.map((regex) => (typeof regex === 'string' ? { regex, message } : regex)),
    },
  ],
});

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright reads fixture dependencies from the destructuring pattern, so `{}` means "none".
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: TESTS,
    languageOptions: { globals: {} },
    rules: restrict(
      ['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltinPaths(msg.shared)],
      [
        '^@blueprintjs/',
        '^react',
        ...STUDIO_UI_LIBRARIES,
        nodeProtocol(msg.shared),
        '(^|/)electron(/|$)',
        '(^|/)renderer(/|$)',
      ],
      msg.shared,
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: TESTS,
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', 'better-sqlite3', ...nodeBuiltinPaths(msg.renderer)],
        [nodeProtocol(msg.renderer), '(^|/)electron(/|$)'],
        msg.renderer,
      ),
    },
  },
  {
    files: ['renderer/player/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: restrict(
      ['electron', 'better-sqlite3', ...nodeBuiltinPaths(msg.player)],
      [nodeProtocol(msg.player), '(^|/)electron(/|$)', '(^|/)studio(/|$)', '^@blueprintjs/', ...STUDIO_UI_LIBRARIES],
      msg.player,
    ),
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: TESTS,
    rules: restrict(
      ['electron'],
      ['^electron/', '(^|/)renderer(/|$)', '(^|/)main(/|$)', '(^|/)preload(/|$)'],
      msg.nodeSide,
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: TESTS,
    rules: restrict([], ['(^|/)renderer(/|$)', '(^|/)preload(/|$)', '(^|/)web(/|$)', '(^|/)cli(/|$)'], msg.main),
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: TESTS,
    rules: restrict([], ['^(?!electron$|\\.\\./\\.\\./shared/contract/channels$)'], msg.preload),
  },
);
