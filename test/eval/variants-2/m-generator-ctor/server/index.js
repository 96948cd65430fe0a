require('./boot');
