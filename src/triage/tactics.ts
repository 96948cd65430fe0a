/**
 * The approach's tactics (THREATS.md §1, FBI PSA 2024-09-03, NPA 2024-12-24) as data: one entry per tactic, patterns
 * per language. Another language is another key in `patterns`.
 */

export interface TacticDef {
  id: string;
  title: string;
  /** The title in other languages (keyed like `patterns`). */
  titles?: Record<string, string>;
  weight: number;
  patterns: Record<string, RegExp[]>;
}

export const TACTICS: TacticDef[] = [
  {
    id: 'learn-from-you',
    title: 'Flattery that asks to "learn from you" (the NPA-reported opener)',
    titles: { ja: '「あなたから学びたい」というお世辞（警察庁が注意喚起した手口）' },
    weight: 30,
    patterns: {
      en: [/\b(?:learn|study)\s+(?:programming|coding|development|blockchain|from you)\b.{0,40}\bfrom you\b|\blearn (?:a lot )?from you\b|\bwant (?:you )?to (?:teach|mentor) me\b/i],
      ja: [/(?:あなた|貴方)から.{0,12}(?:学び|教わり|教えて)|プログラミングを(?:学び|教えて|教わり)たい/],
    },
  },
  {
    id: 'flattery',
    title: 'Unsolicited praise of your skills or profile',
    titles: { ja: '求めていない称賛（スキルやプロフィールを褒める）' },
    weight: 8,
    patterns: {
      en: [/\b(?:impressed|amazed|blown away)\s+(?:by|with)\s+your\b|\byour (?:profile|skills?|experience|portfolio|github|work) (?:really |truly )?(?:stood out|impressed|is impressive|caught my eye)|\bperfect (?:fit|match) for\b/i],
      ja: [/(?:スキル|経歴|プロフィール|実績)に(?:感銘|感動|惹かれ)|(?:素晴らしい|優秀な)(?:スキル|経歴|エンジニア)/],
    },
  },
  {
    id: 'test-task',
    title: 'A coding test, bug fix or code review handed to you as a repository',
    titles: { ja: 'リポジトリで渡されるコーディングテスト・バグ修正・コードレビュー' },
    weight: 20,
    patterns: {
      en: [
        /\b(?:take[- ]?home|coding|technical|pre[- ]?employment|skills?|trial|screening)\s+(?:test|task|assessment|challenge|assignment|exercise|project)\b/i,
        /\bfix (?:a|the|some|this|few|one|small) (?:small |minor |little )?(?:bugs?|issues?|errors?)\b|\b(?:review|audit|check) (?:our|the|my|this) (?:code|codebase|repo(?:sitory)?|project|smart contracts?)\b/i,
      ],
      ja: [/(?:技術|コーディング|採用|事前|入社前|スキル)(?:テスト|課題|試験|チェック)|バグ(?:を)?(?:修正|直して|直す)|コード(?:の)?レビュー|テストタスク/],
    },
  },
  {
    id: 'time-box',
    title: 'A short time box or deadline for the task',
    titles: { ja: '短い制限時間や締め切り' },
    weight: 8,
    patterns: {
      en: [/\b(?:within|in|takes?|about|around|only|just)\s+(?:\d{1,3}|thirty|forty|forty-five|sixty|an?|one|two|few)\s*[- ]?(?:min(?:ute)?s?|hours?|hrs?)\b|\bby (?:today|tonight|tomorrow|end of (?:the )?day)\b/i],
      ja: [/\d{1,3}\s*分(?:で|ほど|程度|以内)|\d\s*時間(?:で|以内)|今日中|本日中|明日まで/],
    },
  },
  {
    id: 'run-locally',
    title: 'Instructions to install and run the code on your machine',
    titles: { ja: '手元の端末でインストール・実行させる指示' },
    weight: 30,
    patterns: {
      en: [
        /\b(?:npm (?:i|install|start|run \w+)|yarn(?: install| start| dev)?|pnpm (?:i|install|dev|start)|npx \S+|node \S+\.(?:c|m)?js|python3? \S+\.py|pip install|docker compose up)\b/i,
        /\b(?:run|start|launch|execute|test) (?:it|the (?:project|code|app|application|repo|script|backend|server)|this)\s+(?:locally|on your (?:machine|computer|laptop|pc|device))\b/i,
        /\bopen (?:it|the (?:folder|project|repo(?:sitory)?|workspace|code)) in (?:vs ?code|visual studio code|cursor)\b|\bclone (?:the|our|this|my) (?:repo(?:sitory)?|project)\b|\bgit clone\b/i,
      ],
      ja: [/ローカル(?:環境)?で(?:実行|起動|動か|テスト)|(?:実行|起動|インストール)してください|VS ?Code\s*で開|クローンして|npm (?:i|install|start)/],
    },
  },
  {
    id: 'repo-invite',
    title: 'A private repository invitation or a request for your GitHub/GitLab/Bitbucket username',
    titles: { ja: '非公開リポジトリへの招待、またはGitHub/GitLab/Bitbucketのユーザー名の要求' },
    weight: 18,
    patterns: {
      en: [/\b(?:github|gitlab|bitbucket)\s+(?:user ?name|handle|account|id|e-?mail)\b|\b(?:send|share|give|provide) (?:me )?your (?:github|gitlab|bitbucket)\b|\binvite you (?:to|into) (?:our|my|the|a|your) (?:private |github |gitlab )?(?:repo(?:sitory)?|project|organi[sz]ation|workspace|team on (?:github|gitlab|bitbucket))\b|\b(?:invite|add) you as a collaborator\b|\bprivate repo(?:sitory)?\b/i],
      ja: [/(?:GitHub|GitLab|Bitbucket)\s*の?\s*(?:ユーザー名|ユーザ名|アカウント|ID)|プライベート(?:リポジトリ|レポジトリ)|(?:リポジトリ|レポジトリ)に招待/i],
    },
  },
  {
    id: 'platform-move',
    title: 'Moving the conversation to Telegram/Discord/WhatsApp/Signal',
    titles: { ja: 'Telegram/Discord/WhatsApp/Signalへの移動' },
    weight: 15,
    patterns: {
      en: [
        /\b(?:move|switch|continue|talk|chat|contact me|reach me|message me|text me|add me|dm me|connect)\b.{0,30}\b(?:on|to|via|in|at)\s+(?:telegram|discord|whatsapp|signal|skype|wechat)\b/i,
        /\b(?:my|our) (?:telegram|discord|whatsapp|signal|skype)(?: handle| id| username| number)?\s*(?:is|:)|\bt\.me\/\w+/i,
      ],
      ja: [/(?:Telegram|テレグラム|Discord|ディスコード|WhatsApp|Signal|シグナル)\s*(?:で|に|へ)\s*(?:連絡|話|移動|続け|やり取り|追加)/i],
    },
  },
  {
    id: 'camera-avoidance',
    title: 'Avoiding a video call or keeping the camera off',
    titles: { ja: 'ビデオ通話を避ける、カメラをオフにする' },
    weight: 25,
    patterns: {
      en: [
        /\b(?:my|the) (?:camera|webcam|video)\b.{0,20}\b(?:is(?:n't| not)?|not) (?:working|broken|available)|\b(?:without|no need for|skip) (?:the )?(?:video|camera)\b|\bcamera (?:off|turned off)\b|\b(?:voice|audio)[- ]only\b|\bcan(?:'t|not) (?:do|turn on|use) (?:a )?(?:video|camera)\b/i,
      ],
      ja: [/カメラ(?:を|が|は)?\s*(?:オフ|使えない|壊れ|なし|無し)|ビデオ(?:通話)?(?:は)?(?:なし|無し|オフ|できない)|音声のみ/],
    },
  },
  {
    id: 'clickfix',
    title: 'A "fix your camera/microphone/driver" instruction to run a command',
    titles: { ja: '「カメラ・マイク・ドライバーを直す」ためにコマンドを実行させる指示' },
    weight: 40,
    patterns: {
      en: [
        /\b(?:fix|update|repair|reinstall|enable)\b.{0,30}\b(?:camera|webcam|microphone|mic|audio|driver|video)\b.{0,60}\b(?:run|paste|execute|type|enter)\b|\b(?:run|paste|execute)\b.{0,40}\b(?:command|script|this)\b.{0,40}\b(?:camera|microphone|driver|audio|video call)\b/i,
        /\bpress (?:win(?:dows)?|⊞)\s*\+\s*r\b|\bpaste (?:it|this|the command) (?:in|into) (?:the |your )?(?:terminal|powershell|run (?:box|dialog)|command prompt)\b/i,
      ],
      ja: [/(?:カメラ|マイク|ドライバ|オーディオ).{0,20}(?:修正|更新|直す).{0,30}(?:コマンド|スクリプト)|(?:このコマンド|次のコマンド|以下のコマンド)を(?:実行|貼り付け|コピー)/],
    },
  },
  {
    id: 'web3-project',
    title: 'A web3/DeFi/NFT/poker/real-estate/e-commerce project (the lures\' favourite themes)',
    titles: { ja: 'Web3/DeFi/NFT/ポーカー/不動産/ECのプロジェクト（偽装でよく使われる題材）' },
    weight: 8,
    patterns: {
      en: [/\b(?:web3|defi|nft|dex|dapp|blockchain|crypto(?:currency)?|staking|smart contracts?|poker|casino|betting|real[- ]estate|e-?commerce|metaverse|play[- ]to[- ]earn|token(?:omics)?|wallet)\b/i],
      ja: [/ブロックチェーン|暗号資産|仮想通貨|NFT|Web3|DeFi|ポーカー|カジノ|不動産|ECサイト|ウォレット|トークン/i],
    },
  },
  {
    id: 'pay-urgency',
    title: 'Unrealistic pay, no negotiation, or urgency',
    titles: { ja: '非現実的な報酬、交渉なし、急かす' },
    weight: 10,
    patterns: {
      en: [
        /\$\s?\d{2,3}\s?(?:k\b|,\d{3})|\b\d{2,3}\s?(?:usd|usdt|\$)\s*(?:\/|per|an?)\s*(?:hour|hr)\b|\$\s?\d{2,3}\s*(?:\/|per|an?)\s*(?:hour|hr)\b/i,
        /\b(?:no (?:need to )?negotiat\w*|urgent(?:ly)?|asap|immediately|right away|as soon as possible|within 24 hours|today only)\b/i,
      ],
      ja: [/高額|高収入|高報酬|月収\s*\d|年収\s*\d{3,}|至急|今日中|急ぎ(?!では(?:ありません|ない))|すぐに/],
    },
  },
  {
    id: 'investment',
    title: 'An investment or money offer',
    titles: { ja: '投資やお金の話' },
    weight: 20,
    patterns: {
      en: [/\binvest(?:ment)? (?:opportunity|offer|plan)\b|\bguaranteed (?:returns?|profits?)\b|\b\d{1,3}\s?% (?:returns?|profit|roi|monthly)\b|\b(?:buy|purchase) (?:our |the )?tokens?\b|\bsend (?:the )?(?:usdt|eth|btc|crypto)\b/i],
      ja: [/投資(?:の)?(?:機会|案件|話|プラン)|利回り|配当|元本保証|必ず儲か/],
    },
  },
];

/** Tactics that together make the lure's core shape: a test that must be run locally. */
export const COMBOS: Array<{ ids: string[]; bonus: number }> = [
  { ids: ['test-task', 'run-locally'], bonus: 20 },
  { ids: ['web3-project', 'run-locally'], bonus: 8 },
  { ids: ['learn-from-you', 'repo-invite'], bonus: 10 },
  { ids: ['camera-avoidance', 'run-locally'], bonus: 10 },
];
