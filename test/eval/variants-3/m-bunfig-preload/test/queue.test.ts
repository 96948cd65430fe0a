import { expect, test } from 'bun:test';
import { Queue } from '../src/queue';

test('fifo', () => {
  const q = new Queue<number>();
  q.push(1);
  q.push(2);
  expect(q.take()?.payload).toBe(1);
});
