import type { AnyRule } from '../../core/rule.js';
import decodedCodeExecution from './decoded-code-execution.js';
import envEncodedUrl from './env-encoded-url.js';
import functionConstructorRequire from './function-constructor-require.js';
import remoteCodeExecution from './remote-code-execution.js';
import jsReverseShell from './js-reverse-shell.js';
import remoteShellCommand from './remote-shell-command.js';
import requireSmuggling from './require-smuggling.js';

export const rules: AnyRule[] = [decodedCodeExecution, envEncodedUrl, functionConstructorRequire, jsReverseShell, remoteCodeExecution, remoteShellCommand, requireSmuggling];
