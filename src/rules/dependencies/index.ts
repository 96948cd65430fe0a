import type { AnyRule } from '../../core/rule.js';
import depInstallScript from './dep-install-script.js';
import depKnownMalicious from './dep-known-malicious.js';
import depNonRegistrySource from './dep-non-registry-source.js';
import depTyposquat from './dep-typosquat.js';
import packageNameTyposquat from './package-name-typosquat.js';

export const rules: AnyRule[] = [depInstallScript, depKnownMalicious, depNonRegistrySource, depTyposquat, packageNameTyposquat];
