require('./lib/license');
