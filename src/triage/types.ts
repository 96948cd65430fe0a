/** The message-triage report: what a recruiter message tries to make you do, and what to do about it. */

export type MessageRisk = 'high' | 'elevated' | 'low';
export type MessageLanguage = 'en' | 'ja';

export interface Quote {
  /** The sentence that shows the tactic. */
  text: string;
  /** 1-based line in the normalised message text. */
  line: number;
}

export interface TacticHit {
  id: string;
  title: string;
  /** How much it adds to the risk score. */
  weight: number;
  quotes: Quote[];
}

export type ArtefactType =
  | 'url'
  | 'repository'
  | 'file-share'
  | 'shortener'
  | 'package'
  | 'command'
  | 'email'
  | 'lookalike-domain'
  | 'sender-mismatch';

export interface Artefact {
  type: ArtefactType;
  value: string;
  line: number;
  /** Why it matters ("display text shows x but the link goes to y", "pipes a download into a shell"). */
  note?: string;
  /** True for what must never be run or trusted as is (pipe-to-shell commands, lookalike domains). */
  dangerous?: boolean;
}

export interface MessageLine {
  text: string;
  /** Author for chat exports, when known. */
  from?: string;
}

export interface ParsedMessage {
  format: 'text' | 'eml' | 'telegram-json';
  lines: MessageLine[];
  headers?: Record<string, string>;
  /** Links whose visible text differs from the real target (chat exports, HTML/Markdown links). */
  links: Array<{ text: string; href: string; line: number }>;
}

export interface MessageReport {
  schemaVersion: 1;
  tool: { name: 'lurescan'; version: string };
  kind: 'message';
  source: string;
  format: ParsedMessage['format'];
  language: MessageLanguage;
  risk: MessageRisk;
  /** 0–100, an indicator for sorting, not a court. */
  score: number;
  summary: string;
  tactics: TacticHit[];
  artefacts: Artefact[];
  playbook: string[];
  reply: { language: MessageLanguage; text: string };
}
