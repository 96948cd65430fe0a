import type { AnyRule } from '../../core/rule.js';
import pyCredentialTheft from './py-credential-theft.js';
import pyDownloadExec from './py-download-exec.js';
import pyExecEncodedPayload from './py-exec-encoded-payload.js';
import pyExfiltration from './py-exfiltration.js';
import pyHiddenProcess from './py-hidden-process.js';
import pyInstallTimeCode from './py-install-time-code.js';
import pyInvisibleferretTraits from './py-invisibleferret-traits.js';
import pyPersistence from './py-persistence.js';
import pyReverseShell from './py-reverse-shell.js';

export const rules: AnyRule[] = [
  pyCredentialTheft,
  pyDownloadExec,
  pyExecEncodedPayload,
  pyExfiltration,
  pyHiddenProcess,
  pyInstallTimeCode,
  pyInvisibleferretTraits,
  pyPersistence,
  pyReverseShell,
];
