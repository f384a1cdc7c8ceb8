import fs from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only the Electron shell may import electron; tests import the rest under plain Node. */
const electronShellFiles = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/desktop-platform.ts',
  'electron/main/ipc/register.ts',
  'electron/preload/**/*.ts',
];

const noElectron = {
  paths: [
    {
      name: 'electron',
      message: 'Only the Electron shell (index.ts, window.ts, desktop-platform.ts, ipc/register.ts, preload) may import electron.',
    },
  ],
};

/**
 * Layers of electron/main, lowest first: kernel ← store ← domains ← root (core/) ← shell. A file
 * may import its own layer and those below (scripts/main-layers.ts holds the same map; a unit test
 * walks the whole import graph with it, type imports and cycles included).
 */
const { domains: domainFolders } = JSON.parse(
  fs.readFileSync(new URL('./scripts/main-layers.json', import.meta.url), 'utf8'),
);
const shellFiles = 'index|window|desktop-platform|app-protocol|security-policy|library-recovery';
const above = {
  kernel: ['store', 'core', 'ipc', ...domainFolders],
  store: ['core', 'ipc', ...domainFolders],
  domain: ['core'],
  root: [],
};
/**
 * A domain's API is its `<folder>/domain.ts`; the rest of the folder is private to it. Other
 * domains, the root and the shell import a domain only through that file (tests may reach inside).
 */
const privateTo = (own) => {
  const others = domainFolders.filter((d) => d !== own);
  return {
    regex: `^(\\.\\.?/)+(${others.join('|')})/(?!domain$)`,
    message: "Another domain's files are private: import its API, `<folder>/domain.ts`.",
  };
};
const layerRule = (layer, own) => [
  'error',
  {
    paths: noElectron.paths,
    patterns: [
      {
        regex: `^(\\.\\./)+(${[...above[layer], 'ipc/(dispatch|register|trusted-sender)'].join('|')})(/|$)`,
        message: `electron/main is layered kernel ← store ← domains ← root ← shell: a ${layer} file imports only its own layer and those below.`,
      },
      {
        regex: `^(\\.\\./)+(${shellFiles})$`,
        message: 'The Electron shell sits on top: nothing in electron/main imports it.',
      },
      ...(layer === 'domain' || layer === 'root' ? [privateTo(own)] : []),
    ],
  },
];
const layerConfigs = [
  { files: ['electron/main/kernel/**/*.ts'], rules: { 'no-restricted-imports': layerRule('kernel') } },
  { files: ['electron/main/store/**/*.ts'], rules: { 'no-restricted-imports': layerRule('store') } },
  ...domainFolders.map((d) => ({
    files: [`electron/main/${d}/**/*.ts`],
    rules: { 'no-restricted-imports': layerRule('domain', d) },
  })),
  { files: ['electron/main/core/**/*.ts'], rules: { 'no-restricted-imports': layerRule('root') } },
];
/** The shell: Electron where it may (electronShellFiles), and domains only through their API files. */
const shellConfigs = [
  {
    files: ['electron/main/*.ts', 'electron/main/ipc/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noElectron.paths, patterns: [privateTo()] }] },
  },
  {
    files: electronShellFiles.filter((f) => f.startsWith('electron/main/')),
    rules: { 'no-restricted-imports': ['error', { patterns: [privateTo()] }] },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noElectron],
    },
  },
  ...layerConfigs,
  { files: electronShellFiles, rules: { 'no-restricted-imports': 'off' } },
  ...shellConfigs,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noElectron.paths,
            { name: 'react', message: 'shared/ is plain types and contracts.' },
            { name: 'better-sqlite3', message: 'shared/ is plain types and contracts.' },
          ],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
              message: 'shared/ runs in the renderer too: no Node modules.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ must not depend on main or renderer code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'better-sqlite3'],
              message: 'The renderer has no Node: go through lib/api-client.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches main only over IPC (lib/api-client).',
            },
            {
              group: ['**/shared/ipc/contract', '**/shared/ipc/channels/*'],
              allowTypeImports: true,
              message:
                'Values from the IPC contract carry zod into the renderer: import records from shared/domain.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'api', message: 'Use lib/api-client.' },
      ],
    },
  },
  { files: ['renderer/src/lib/api-client.ts'], rules: { 'no-restricted-properties': 'off' } },
);
