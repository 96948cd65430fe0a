import express from 'express';
import leaderboard from './routes/leaderboard';

const app = express();
app.use(express.json());
app.use('/leaderboard', leaderboard);
app.listen(3900, () => console.log('leaderboard on :3900'));
