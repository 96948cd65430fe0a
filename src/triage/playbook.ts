/** The verification playbook (FBI PSA 2024-09-03, NPA/FBI/DC3 2024-12-24) tailored to what a message showed. */
import type { Artefact, MessageLanguage, TacticHit } from './types.js';

type Text = Record<MessageLanguage, string>;

const STEP = {
  clickfix: {
    en: 'Do not run the command you were given: no camera, microphone or driver is fixed by pasting a download into a terminal. If you already ran it, disconnect the machine and tell your security team now.',
    ja: '送られてきたコマンドは実行しないでください。カメラやマイク、ドライバーの不具合がターミナルへのコマンド貼り付けで直ることはありません。既に実行した場合はネットワークから切り離し、すぐにセキュリティ担当へ連絡してください。',
  },
  video: {
    en: 'Ask for a live video call with the camera on before any technical task. A refusal or a "broken camera" is a red flag: treat the contact as hostile (FBI, NPA).',
    ja: '技術課題の前に、カメラをオンにしたライブのビデオ通話を求めてください。断られたり「カメラが壊れている」と言われたら危険信号です（FBI・警察庁）。',
  },
  verify: {
    en: 'Verify the person and the company through a separate, official channel: the company website\'s careers page or a known employee, not links or numbers from the message.',
    ja: '本人と会社を、メッセージ内のリンクや連絡先ではなく、公式サイトの採用ページや面識のある社員など別の公式経路で確認してください。',
  },
  device: {
    en: 'Never run their code on a company device or on one that holds wallets, keys or saved passwords.',
    ja: '相手のコードを会社の端末や、ウォレット・秘密鍵・保存済みパスワードのある端末で実行しないでください。',
  },
  scan: {
    en: 'Before running anything: `lurescan scan <repo>` (nothing is executed), then `lurescan detonate <repo>` or a disposable VM without your accounts.',
    ja: '実行する前に `lurescan scan <リポジトリ>`（何も実行しません）で確認し、その後 `lurescan detonate` か、アカウントを入れていない使い捨てVMで試してください。',
  },
  repo: {
    en: 'Ask for a public repository link instead of a private-repo invitation or a zip; do not hand over your GitHub/GitLab username to an unverified contact.',
    ja: '非公開リポジトリへの招待やZIPではなく、公開リポジトリのURLを求めてください。確認できていない相手にGitHub/GitLabのユーザー名を渡さないでください。',
  },
  platform: {
    en: 'Keep the conversation on the original platform (or the company\'s own e-mail); moving to Telegram/Discord/WhatsApp removes the platform\'s protections.',
    ja: 'やり取りは元のプラットフォーム（または会社の公式メール）で続けてください。Telegram等への移動はプラットフォームの保護を失わせます。',
  },
  lookalike: {
    en: 'Some links imitate well-known companies (listed under artefacts): do not sign in or download from them.',
    ja: '有名企業を装ったドメインが含まれています（アーティファクト参照）。ログインやダウンロードをしないでください。',
  },
  money: {
    en: 'Never send money or crypto, and never move assets on instructions from a recruiter; large transfers need multi-party approval.',
    ja: '採用担当者の指示で送金や暗号資産の移動をしないでください。大きな送金は複数人の承認を必須にしてください。',
  },
  report: {
    en: 'Report the contact to your security team and to the platform it came through.',
    ja: 'この連絡をセキュリティ担当と、連絡が来たプラットフォームに報告してください。',
  },
} satisfies Record<string, Text>;

export function buildPlaybook(tactics: TacticHit[], artefacts: Artefact[], lang: MessageLanguage): string[] {
  const ids = new Set(tactics.map((t) => t.id));
  const steps: Text[] = [];
  if (ids.has('clickfix') || artefacts.some((a) => a.type === 'command' && a.dangerous)) steps.push(STEP.clickfix);
  steps.push(STEP.video, STEP.verify);
  if (ids.has('repo-invite') || artefacts.some((a) => a.type === 'file-share')) steps.push(STEP.repo);
  if (ids.has('platform-move')) steps.push(STEP.platform);
  if (artefacts.some((a) => a.type === 'lookalike-domain' || (a.type === 'url' && a.dangerous))) steps.push(STEP.lookalike);
  if (ids.has('investment') || ids.has('web3-project')) steps.push(STEP.money);
  steps.push(STEP.device, STEP.scan, STEP.report);
  return steps.map((s) => s[lang]);
}

export function buildReply(tactics: TacticHit[], artefacts: Artefact[], lang: MessageLanguage): string {
  const ids = new Set(tactics.map((t) => t.id));
  const wantsRepo = ids.has('repo-invite') || ids.has('test-task') || ids.has('run-locally') || artefacts.some((a) => a.type === 'repository' || a.type === 'file-share');
  if (lang === 'ja') {
    return [
      'ご連絡ありがとうございます。',
      '進める前に、カメラをオンにしたビデオ通話で30分ほどお話しさせていただけますか。ご都合の良い日時を2〜3候補いただけると助かります。',
      wantsRepo ? '課題については、公開リポジトリのURLで共有いただけますでしょうか。社内の規定により、確認できていないコードは手元の端末で実行できません。' : '',
      'また、御社の公式メールアドレスからご連絡いただけますと確認がスムーズです。よろしくお願いいたします。',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return [
    'Thanks for reaching out.',
    'Before we go further, could we have a short video call with cameras on? Please suggest two or three times that work for you.',
    wantsRepo ? 'For the task, could you share it as a public repository link? My security policy does not allow me to run unverified code on my machines.' : '',
    'It would also help if you could write from your official company e-mail address. Thank you!',
  ]
    .filter(Boolean)
    .join('\n');
}
