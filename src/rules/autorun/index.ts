import type { AnyRule } from '../../core/rule.js';
import autorunPipesDownloadToShell from './autorun-pipes-download-to-shell.js';
import autorunRunsNonJsFile from './autorun-runs-non-js-file.js';
import vscodeFolderOpenTask from './vscode-folder-open-task.js';

export const rules: AnyRule[] = [autorunPipesDownloadToShell, autorunRunsNonJsFile, vscodeFolderOpenTask];
