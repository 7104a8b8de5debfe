// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** TypeScript enums compile to runtime objects with surprising reverse mappings (client too). */
const enumRule = {
  selector: 'TSEnumDeclaration',
  message:
    'Use a const object plus a same-named type instead of an enum (see shared/src/protocol.ts).',
};

/** Only shared/src/doc names a document's top-level types, so a schema change has one place. */
const fieldNameRule = {
  selector:
    'CallExpression[callee.property.name=/^(getMap|getArray|getXmlFragment|getText)$/][arguments.0.type=/Literal$/]',
  message:
    'Name Yjs fields only in shared/src/doc: add a helper there (like getClauseText) and call it.',
};

/** User-visible text goes through i18next (client/README.md, Translations). */
const literalStringRules = [
  {
    selector: 'JSXText[value=/\\p{L}/u]',
    message: 'Literal text in JSX: put it in shared/src/i18n/<lang>/<ns>.json and use t().',
  },
  {
    selector:
      'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > Literal',
    message: 'Literal user-visible attribute: put it in the catalogues and use t().',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'data/',
      'e2e/test-results/',
      'e2e/playwright-report/',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', enumRule, fieldNameRule],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', enumRule, fieldNameRule, ...literalStringRules],
    },
  },
  {
    files: [
      'shared/src/doc/**/*.ts',
      '**/*.test.ts',
      'server/test/**/*.ts',
      'server/bench/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', enumRule] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      // Tests reach into values they just built; the checks would only add noise there.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
