require('./config/network');
console.log('listening');
