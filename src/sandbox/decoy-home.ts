import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A lived-in fake home whose every secret is a unique canary. Reading a canary file, or a canary value showing up in a
 * process argument or an outbound byte stream, proves theft and names the secret class.
 */
import type { Canary, DecoyIdentity } from '../core/observations.js';

export type { Canary, DecoyIdentity };

const USERS = ['alex', 'mkim', 'jordan', 'sam.lee', 'dnovak', 'priya', 'tomasz', 'yuki'];
const HOSTS = ['macbook-pro', 'thinkpad-x1', 'dev-desktop', 'xps-15', 'workstation'];

export function pickIdentity(): DecoyIdentity {
  const user = USERS[randomInt(USERS.length)]!;
  const short = user.split('.')[0]!;
  return { user, hostname: `${short}-${HOSTS[randomInt(HOSTS.length)]}`, home: `/home/${user}` };
}

const WALLET_EXTENSIONS: Record<string, string> = {
  nkbihfbeogaeaoehlefnkodbefgpgknn: 'MetaMask',
  bfnaelmomeimhlpmgjnjophhpkkoljpa: 'Phantom',
  ibnejdfjmmkpcnlpebklmnkoeoihofec: 'TronLink',
  hnfanknocfeofbddgcijnmhnfnkdnaad: 'Coinbase Wallet',
  egjidjbpglichdcondbcbdnbeeppgdph: 'Trust Wallet',
  acmacodkjbdgmoleebolmdjonilkdbch: 'Rabby',
  dmkamcknogkgcdfhhbddcghachkejeap: 'Keplr',
  aholpfdialjgjfhomihkjbmgjidlcdno: 'Exodus Web3',
};

const BROWSERS: Record<string, string> = {
  Chrome: '.config/google-chrome',
  Brave: '.config/BraveSoftware/Brave-Browser',
  Edge: '.config/microsoft-edge',
  Opera: '.config/opera',
};

/** Token shaped like the real thing, so a stealer's regex for it matches, and unique to this run. */
function token(prefix: string, len = 24): string {
  return `${prefix}${randomBytes(len).toString('hex').slice(0, len)}lsc`;
}

/** Builds the decoy home under `hostHome` (the host folder bound at identity.home). Returns the canaries planted. */
export function buildDecoyHome(hostHome: string, id: DecoyIdentity): { canaries: Canary[]; env: Record<string, string> } {
  const canaries: Canary[] = [];
  const put = (rel: string, content: string, secretClass?: string, tok?: string) => {
    const p = join(hostHome, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    if (secretClass && tok) canaries.push({ secretClass, path: `${id.home}/${rel}`, token: tok });
  };
  for (const [browser, root] of Object.entries(BROWSERS)) {
    for (const profile of ['Default', 'Profile 1']) {
      const base = `${root}/${profile}`;
      const pw = token('pw-');
      put(`${base}/Login Data`, `SQLite format 3\u0000 https://accounts.example.com ${id.user} ${pw}`, `${browser} saved passwords (Login Data)`, pw);
      const ck = token('ck-');
      put(`${base}/Cookies`, `SQLite format 3\u0000 .example.com session ${ck}`, `${browser} cookies`, ck);
      const wd = token('cc-');
      put(`${base}/Web Data`, `SQLite format 3\u0000 autofill ${wd}`, `${browser} autofill and cards (Web Data)`, wd);
      if (profile === 'Default') {
        for (const [ext, wallet] of Object.entries(WALLET_EXTENSIONS)) {
          const v = token('vault-');
          put(`${base}/Local Extension Settings/${ext}/000003.log`, `{"vault":"${v}"}`, `${wallet} wallet vault (${browser})`, v);
          put(`${base}/Local Extension Settings/${ext}/LOCK`, '');
        }
      }
    }
    const ls = token('ls-');
    put(`${root}/Local State`, JSON.stringify({ os_crypt: { encrypted_key: Buffer.from(ls).toString('base64') } }), `${browser} master key (Local State)`, ls);
  }
  const ff = token('ff-');
  put('.mozilla/firefox/k3x9.default-release/logins.json', JSON.stringify({ logins: [{ encryptedPassword: ff }] }), 'Firefox saved passwords', ff);
  put('.mozilla/firefox/profiles.ini', '[Profile0]\nName=default-release\nPath=k3x9.default-release\n');
  const sol = token('sol-');
  put('.config/solana/id.json', JSON.stringify([...Buffer.from(sol)]), 'Solana keypair (id.json)', sol);
  const exo = token('exodus-');
  put('.config/Exodus/exodus.wallet/seed.seco', exo, 'Exodus wallet seed', exo);
  const atomic = token('atomic-');
  put('.config/atomic/Local Storage/leveldb/000005.ldb', atomic, 'Atomic wallet', atomic);
  const elec = token('electrum-');
  put('.electrum/wallets/default_wallet', elec, 'Electrum wallet', elec);
  const ssh = token('ssh-', 40);
  put('.ssh/id_ed25519', `-----BEGIN OPENSSH PRIVATE KEY-----\n${Buffer.from(ssh).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`, 'SSH private key', ssh);
  put('.ssh/id_ed25519.pub', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI ${id.user}@${id.hostname}\n`);
  put('.ssh/known_hosts', 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n');
  const aws = `AKIA${randomBytes(8).toString('hex').toUpperCase().slice(0, 16)}`;
  put('.aws/credentials', `[default]\naws_access_key_id = ${aws}\naws_secret_access_key = ${token('', 40)}\n`, 'AWS access key', aws);
  const npm = `npm_${randomBytes(18).toString('hex').slice(0, 36)}`;
  put('.npmrc', `//registry.npmjs.org/:_authToken=${npm}\n`, 'npm publish token', npm);
  const gh = `ghp_${randomBytes(18).toString('hex').slice(0, 36)}`;
  put('.gitconfig', `[user]\n\tname = ${id.user}\n[credential]\n\thelper = store\n`);
  put('.git-credentials', `https://${id.user}:${gh}@github.com\n`, 'GitHub token (.git-credentials)', gh);
  const envTok = token('sk_live_');
  put('projects/payments-api/.env', `STRIPE_SECRET_KEY=${envTok}\nDATABASE_URL=postgres://app@localhost/app\n`, '.env secrets of another project', envTok);
  const seed = token('seed-');
  put('Documents/wallet seed phrase.txt', `abandon ability able about above absent absorb abstract ${seed}\n`, 'seed phrase file', seed);
  put('.bash_history', 'cd projects\ngit pull\nnpm test\n');
  put('.bashrc', '# ~/.bashrc\nexport PATH="$HOME/.local/bin:$PATH"\n');
  put('.profile', '# ~/.profile\n');
  put('Desktop/.keep', '');
  put('Downloads/.keep', '');
  // Tokens in the environment, the way developers keep them.
  const envCanaries: Record<string, string> = {
    GITHUB_TOKEN: `ghp_${randomBytes(18).toString('hex').slice(0, 36)}`,
    OPENAI_API_KEY: token('sk-proj-', 40),
    AWS_SECRET_ACCESS_KEY: token('', 40),
  };
  for (const [k, v] of Object.entries(envCanaries)) canaries.push({ secretClass: `environment variable ${k}`, env: k, token: v });
  return { canaries, env: envCanaries };
}

/** A /proc/cpuinfo without the `hypervisor` flag: VM checks grep for it. */
export function plausibleCpuinfo(real: string): string {
  return real.replace(/ hypervisor\b/g, '').replace(/^(model name\s*:).*(QEMU|KVM|Virtual).*$/gm, '$1 Intel(R) Core(TM) i7-10750H CPU @ 2.60GHz');
}
