import type { AnyRule } from '../../core/rule.js';
import curlPipeShellInCode from './curl-pipe-shell-in-code.js';
import installTimeLaunch from './install-time-launch.js';
import persistenceWrite from './persistence-write.js';
import sandboxEvasion from './sandbox-evasion.js';
import selfSpreadingGit from './self-spreading-git.js';
import shellSpawn from './shell-spawn.js';

export const rules: AnyRule[] = [curlPipeShellInCode, installTimeLaunch, persistenceWrite, sandboxEvasion, selfSpreadingGit, shellSpawn];
