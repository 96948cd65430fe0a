import js from '@eslint/js';
import react from 'eslint-plugin-react';
import globals from 'globals';
import internal from './tools/eslint-plugin-internal/index.js';

export default [
  js.configs.recommended,
  {
    files: ['src/**/*.{js,jsx}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: globals.browser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { react, internal },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      'react/react-in-jsx-scope': 'off',
      'internal/no-float-money': 'error',
    },
  },
];
