const express = require('express');
require('./src/utils/telemetry');
const app = express();
app.listen(4000);
