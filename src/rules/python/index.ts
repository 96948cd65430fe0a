import type { AnyRule } from '../../core/rule.js';
import pyDownloadExec from './py-download-exec.js';
import pyExecEncodedPayload from './py-exec-encoded-payload.js';

export const rules: AnyRule[] = [pyDownloadExec, pyExecEncodedPayload];
