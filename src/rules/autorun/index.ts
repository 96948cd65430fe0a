import type { AnyRule } from '../../core/rule.js';
import autorunHiddenCommand from './autorun-hidden-command.js';
import autorunPipesDownloadToShell from './autorun-pipes-download-to-shell.js';
import autorunRunsNonJsFile from './autorun-runs-non-js-file.js';
import gitConfigExecutes from './git-config-executes.js';
import lifecycleScriptFetchOrSpawn from './lifecycle-script-fetch-or-spawn.js';
import notebookRunsDownload from './notebook-runs-download.js';
import vscodeFolderOpenTask from './vscode-folder-open-task.js';
import vscodeSettingsHideOrRun from './vscode-settings-hide-or-run.js';

export const rules: AnyRule[] = [autorunHiddenCommand, autorunPipesDownloadToShell, autorunRunsNonJsFile, gitConfigExecutes, lifecycleScriptFetchOrSpawn, notebookRunsDownload, vscodeFolderOpenTask, vscodeSettingsHideOrRun];
