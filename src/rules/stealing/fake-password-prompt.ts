import { defineRule } from '../../core/rule.js';

/** AppleScript's masked text field: `display dialog "…" default answer "" with hidden answer`. */
const HIDDEN_DIALOG = /display\s+dialog\b[^\n]{0,400}?\bwith\s+hidden\s+answer\b/gi;
/** Wording that borrows the system's voice: the user thinks macOS is asking. */
const SYSTEM_VOICE = /\b(?:System (?:Preferences|Settings|Events|Update)|macOS|Mac OS|Keychain|Software Update|requires? (?:your|the|an administrator) password|password to (?:continue|allow|install|update)|Camera|Microphone|Screen Recording|Finder)\b/i;
/** The answer leaves the machine: an HTTP client, a socket or a shell download tool in the same file. */
const SENDS = /\b(?:fetch|axios|XMLHttpRequest|https?\.request|requests\.(?:post|get)|urllib\.request|urlopen|curl|socket\.(?:emit|send)|\.post\s*\()/;

export default defineRule({
  id: 'fake-password-prompt',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'A macOS password prompt built with osascript (display dialog … with hidden answer), often worded as the system',
    why: 'FlexibleFerret and macOS stealers delivered through fake interviews ("camera fix", "driver update") ask for the login password in an AppleScript dialog titled like System Preferences, then use it to unlock the keychain or send it home.',
    fix: 'Do not run it and never type your password into a dialog a script opened. If you did, change the password and check the keychain and login items.',
    falsePositives: 'Real macOS tools ask for privileges with `do shell script … with administrator privileges`, which the system prompts for itself; a masked dialog that neither speaks as the system nor sends the answer anywhere is high/medium.',
    references: ['https://attack.mitre.org/techniques/T1056/002/', 'https://attack.mitre.org/techniques/T1555/001/'],
    status: 'stable',
  },
  input: 'file',
  prefilter: /hidden\s+answer/i,
  appliesTo: (f) => f.isText,
  check(ctx, file) {
    const text = file.text!;
    const sends = SENDS.test(text);
    for (const m of text.matchAll(HIDDEN_DIALOG)) {
      const voice = SYSTEM_VOICE.exec(m[0]);
      const strong = !!voice || sends;
      ctx.report({
        at: { offset: m.index!, length: m[0].length },
        message: `Asks for a password in a masked osascript dialog${voice ? ` worded as the system ("${voice[0]}")` : ''}${sends ? '; the file also sends data over the network' : ''}`,
        evidence: m[0].slice(0, 300),
        severity: strong ? 'critical' : 'high',
        confidence: voice && sends ? 'high' : strong ? 'high' : 'medium',
      });
      return;
    }
  },
});
