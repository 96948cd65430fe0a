/**
 * Self-update for the standalone binary. Only runs when the user types `deployctl update`.
 * 1. fetch the release manifest over HTTPS
 * 2. download the tarball for this platform to a temp dir
 * 3. verify the SHA-256 from the manifest AND the Ed25519 signature of the manifest
 * 4. atomically replace the running binary
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const tar = require('tar');
const { version: current } = require('../../package.json');

const RELEASES = 'https://releases.example.invalid/deployctl';
// Ed25519 public key of the release signing key (the private key lives in the release pipeline's KMS)
const SIGNING_KEY = crypto.createPublicKey({
  key: Buffer.from('MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=', 'base64'),
  format: 'der',
  type: 'spki',
});

function newer(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i];
  return false;
}

async function getManifest(channel) {
  const [body, sig] = await Promise.all([
    fetch(`${RELEASES}/${channel}/manifest.json`).then((r) => r.arrayBuffer()),
    fetch(`${RELEASES}/${channel}/manifest.json.sig`).then((r) => r.text()),
  ]);
  const ok = crypto.verify(null, Buffer.from(body), SIGNING_KEY, Buffer.from(sig.trim(), 'base64'));
  if (!ok) throw new Error('manifest signature verification failed');
  return JSON.parse(Buffer.from(body).toString('utf8'));
}

module.exports = async function update(opts) {
  const manifest = await getManifest(opts.channel);
  if (!newer(manifest.version, current)) {
    console.log(`deployctl ${current} is up to date`);
    return;
  }
  console.log(`update available: ${current} → ${manifest.version}`);
  if (opts.dryRun) return;

  const asset = manifest.assets[`${process.platform}-${process.arch}`];
  if (!asset) throw new Error(`no build for ${process.platform}-${process.arch}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deployctl-'));
  const file = path.join(tmp, 'deployctl.tar.gz');
  const buf = Buffer.from(await (await fetch(asset.url)).arrayBuffer());
  const digest = crypto.createHash('sha256').update(buf).digest('hex');
  if (digest !== asset.sha256) throw new Error(`checksum mismatch (${digest})`);
  fs.writeFileSync(file, buf);
  await tar.x({ file, cwd: tmp });

  const target = process.execPath;
  const staged = `${target}.new`;
  fs.copyFileSync(path.join(tmp, 'deployctl'), staged);
  fs.chmodSync(staged, 0o755);
  fs.renameSync(staged, target);
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`updated to ${manifest.version}`);
};
