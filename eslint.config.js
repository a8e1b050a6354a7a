// Only the promise rules: a store call not awaited is a report acknowledged and never kept, or
// a check that always passes (a Promise is truthy). Style is left to the reviewer.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['*.config.ts', 'dist/**', 'node_modules/**', '.astro/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
