import type { AnyRule } from '../../core/rule.js';
import c2Endpoint from './c2-endpoint.js';
import deadDropHost from './dead-drop-host.js';
import hostFingerprintUpload from './host-fingerprint-upload.js';
import webhookExfil from './webhook-exfil.js';

export const rules: AnyRule[] = [c2Endpoint, deadDropHost, hostFingerprintUpload, webhookExfil];
