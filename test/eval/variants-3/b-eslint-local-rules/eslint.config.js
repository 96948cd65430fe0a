import js from '@eslint/js';
import globals from 'globals';
import local from './eslint-local-rules/index.js';

export default [
  js.configs.recommended,
  {
    files: ['src/**/*.js'],
    languageOptions: { globals: globals.node },
    plugins: { local },
    rules: {
      'local/no-raw-sql-template': 'error',
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
];
