import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-typosquat.js';

ruleTest(rule, {
  clean: [
    { name: 'popular names only', files: { 'package.json': '{"dependencies":{"react":"^18","react-dom":"^18","express":"^4","@types/node":"^20"}}' } },
    { name: 'popular pypi names in any spelling', files: { 'requirements.txt': 'python_dateutil==2.9\nPyYAML>=6\nrequests\n' } },
    { name: 'own workspace package', files: { 'package.json': '{"dependencies":{"my-company-shared-ui":"workspace:*"}}' } },
    {
      name: 'names inside a scope that owns popular packages (only its owner can publish there)',
      files: { 'package.json': '{"devDependencies":{"@types/mssql":"^9","@jest/test-utils":"^30","@tsconfig/node24":"^24"}}' },
    },
  ],
  flagged: [
    {
      name: 'lure suffix and swapped letters',
      files: { 'package.json': '{\n  "dependencies": {\n    "tslib-util": "^1.0.0",\n    "expresss": "4.18.2"\n  }\n}\n' },
      findings: [
        { file: 'package.json', line: 3, message: /"tslib-util" looks like .*"tslib" \(popular name with the suffix "-util"\)/ },
        { file: 'package.json', line: 4, message: /"express" \(doubled letter\)/ },
      ],
    },
    {
      name: 'pypi misspelling in pyproject',
      files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "reqeusts>=2",\n]\n' },
      findings: [{ file: 'pyproject.toml', line: 4, message: /"requests" \(swapped letters\)/ }],
    },
    {
      name: 'a pre-scope name of a scoped popular package is reported at low confidence',
      files: { 'package.json': '{"devDependencies":{"babel-cli":"^6.26.0"}}' },
      findings: [{ file: 'package.json', line: 1, confidence: 'low', severity: 'medium', message: /"@babel\/cli" \(scope dropped into the name\)/ }],
    },
    {
      name: 'a letter added at the start is reported at low confidence',
      files: { 'package.json': '{"devDependencies":{"dtslint":"^4.2.1"}}' },
      findings: [{ file: 'package.json', line: 1, confidence: 'low', message: /"tslint" \(one character added or removed at the start\)/ }],
    },
    {
      name: 'a major-version successor name (markdownlint-cli2 beside markdownlint-cli) is reported at low confidence',
      files: { 'package.json': '{"devDependencies":{"markdownlint-cli2":"^0.18.1"}}' },
      findings: [{ file: 'package.json', line: 1, confidence: 'low', message: /"markdownlint-cli" \(a version digit appended\)/ }],
    },
  ],
});
