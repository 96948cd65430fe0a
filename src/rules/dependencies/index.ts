import type { AnyRule } from '../../core/rule.js';
import depAutorunLure from './dep-autorun-lure.js';
import depInstallScript from './dep-install-script.js';
import depKnownMalicious from './dep-known-malicious.js';
import depNonRegistrySource from './dep-non-registry-source.js';
import depRegistryMissing from './dep-registry-missing.js';
import depRegistryRecent from './dep-registry-recent.js';
import depRegistryRemoved from './dep-registry-removed.js';
import depTyposquat from './dep-typosquat.js';
import packageNameTyposquat from './package-name-typosquat.js';

export const rules: AnyRule[] = [depAutorunLure, depInstallScript, depKnownMalicious, depNonRegistrySource, depRegistryMissing, depRegistryRecent, depRegistryRemoved, depTyposquat, packageNameTyposquat];
