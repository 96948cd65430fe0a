import type { AnyRule } from '../../core/rule.js';
import curlPipeShellInCode from './curl-pipe-shell-in-code.js';
import persistenceWrite from './persistence-write.js';
import sandboxEvasion from './sandbox-evasion.js';
import selfSpreadingGit from './self-spreading-git.js';
import shellSpawn from './shell-spawn.js';

export const rules: AnyRule[] = [curlPipeShellInCode, persistenceWrite, sandboxEvasion, selfSpreadingGit, shellSpawn];
