// Source runs only (tests, `tsx`): on Node 20 worker threads do not inherit tsx's loader hooks, so the TypeScript
// worker could not load ("Unknown file extension .ts"). This shim registers tsx inside the worker first.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
