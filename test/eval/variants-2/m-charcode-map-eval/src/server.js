require('./socket');
