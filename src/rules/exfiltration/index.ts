import type { AnyRule } from '../../core/rule.js';
import blockchainDeadDrop from './blockchain-dead-drop.js';
import c2Endpoint from './c2-endpoint.js';
import ciSecretsExfil from './ci-secrets-exfil.js';
import deadDropHost from './dead-drop-host.js';
import hostFingerprintUpload from './host-fingerprint-upload.js';
import runtimePackageInstall from './runtime-package-install.js';
import secondStageDownload from './second-stage-download.js';
import webhookExfil from './webhook-exfil.js';

export const rules: AnyRule[] = [blockchainDeadDrop, c2Endpoint, ciSecretsExfil, deadDropHost, hostFingerprintUpload, runtimePackageInstall, secondStageDownload, webhookExfil];
