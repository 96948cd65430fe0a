import noRawSqlTemplate from './no-raw-sql-template.js';

export default {
  meta: { name: 'eslint-plugin-local', version: '0.0.0' },
  rules: { 'no-raw-sql-template': noRawSqlTemplate },
};
