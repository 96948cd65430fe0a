import type { AnyRule } from '../../core/rule.js';
import canaryExfiltration from './canary-exfiltration.js';
import canarySecretRead from './canary-secret-read.js';
import droppedFileExecuted from './dropped-file-executed.js';
import jailEscapeOrHostProbe from './jail-escape-or-host-probe.js';
import outboundNetwork from './outbound-network.js';
import persistenceObserved from './persistence-observed.js';
import shellPipeObserved from './shell-pipe-observed.js';

/** Rules over detonation observations (input 'observations'): they only run in `lurescan detonate`. */
export const rules: AnyRule[] = [canaryExfiltration, canarySecretRead, droppedFileExecuted, jailEscapeOrHostProbe, outboundNetwork, persistenceObserved, shellPipeObserved];
