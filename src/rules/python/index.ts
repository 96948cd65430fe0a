import type { AnyRule } from '../../core/rule.js';
import pyChatC2 from './py-chat-c2.js';
import pyCredentialTheft from './py-credential-theft.js';
import pyCryptominer from './py-cryptominer.js';
import pyDecryptDropLoad from './py-decrypt-drop-load.js';
import pyDownloadExec from './py-download-exec.js';
import pyEncodedCommand from './py-encoded-command.js';
import pyExecEncodedPayload from './py-exec-encoded-payload.js';
import pyExfiltration from './py-exfiltration.js';
import pyHiddenEndpoint from './py-hidden-endpoint.js';
import pyHiddenProcess from './py-hidden-process.js';
import pyInstallTimeCode from './py-install-time-code.js';
import pyInvisibleferretTraits from './py-invisibleferret-traits.js';
import pyKeylogger from './py-keylogger.js';
import pyClipboardHijack from './py-clipboard-hijack.js';
import pyObfuscatedGrabber from './py-obfuscated-grabber.js';
import pyPersistence from './py-persistence.js';
import pyReverseShell from './py-reverse-shell.js';
import pyUploadStolenData from './py-upload-stolen-data.js';

export const rules: AnyRule[] = [
  pyChatC2,
  pyClipboardHijack,
  pyCredentialTheft,
  pyCryptominer,
  pyDecryptDropLoad,
  pyDownloadExec,
  pyEncodedCommand,
  pyExecEncodedPayload,
  pyExfiltration,
  pyHiddenEndpoint,
  pyHiddenProcess,
  pyInstallTimeCode,
  pyInvisibleferretTraits,
  pyKeylogger,
  pyObfuscatedGrabber,
  pyPersistence,
  pyReverseShell,
  pyUploadStolenData,
];
