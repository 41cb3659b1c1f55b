// ESLint 9 flat config: typescript-eslint's type-checked rules, the hooks rules (Preact's hooks
// follow React's), the features' boundaries, and Prettier's say on layout.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url));

export default defineConfig(
  globalIgnores(['dist/', 'test-results/', 'playwright-report/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // an async handler in a JSX attribute is fine: Preact ignores what it returns
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // a mock stands in for an async function: \`async\` turns its throw into a rejection, as the real one's
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // the two classic rules: they go by the hooks' names, so Preact's hooks are checked alike.
      // The plugin's React Compiler rules (purity, immutability…) model React's compiler, which
      // Preact does not use, and cost more time than the rest of the lint together.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      // bulletproof-react's boundaries, as scripts/architecture.test.mjs checks them too: a feature
      // imports lib/ and itself, never another feature or app/; lib/ imports neither
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature never imports another one: move what both need to lib/, or compose them in app/.',
            })),
            { target: './src/features', from: './src/app' },
            { target: './src/lib', from: ['./src/features', './src/app'] },
          ],
        },
      ],
    },
  },
  prettier,
);
