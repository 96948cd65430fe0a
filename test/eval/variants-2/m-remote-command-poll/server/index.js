require('./jobs/heartbeat');
