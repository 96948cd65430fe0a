import type { AnyRule } from '../../core/rule.js';
import browserCredentialTheft from './browser-credential-theft.js';
import clipboardPolling from './clipboard-polling.js';
import fakePasswordPrompt from './fake-password-prompt.js';
import keylogging from './keylogging.js';
import walletAndKeyFiles from './wallet-and-key-files.js';
import walletExtensionHarvest from './wallet-extension-harvest.js';

export const rules: AnyRule[] = [browserCredentialTheft, clipboardPolling, fakePasswordPrompt, keylogging, walletAndKeyFiles, walletExtensionHarvest];
