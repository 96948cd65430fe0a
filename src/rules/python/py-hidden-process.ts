import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee } from '../../analyzers/python/model.js';
import { evaluate } from '../../analyzers/python/static-eval.js';
import { at, clip, isProcessCall } from './_util.js';

// Flags and command shapes that detach a process or hide its window.
const HIDDEN_FLAGS = /\b(?:CREATE_NO_WINDOW|DETACHED_PROCESS|CREATE_NEW_PROCESS_GROUP|SW_HIDE|STARTF_USESHOWWINDOW)\b|\b0x0*8000000\b|\b0x0*8\b|\b134217728\b/;
const HIDDEN_CMD = /^\s*nohup\b|\bnohup\s|\bstart\s+\/b\b|\bstart\s+\/min\b|-w(?:indowstyle)?\s+h(?:idden)?\b|\bpythonw(?:\.exe)?\b|\bsetsid\b|\bdisown\b|>\s*\/dev\/null\s+2>&1\s*&\s*$|&>\s*\/dev\/null\s*&|\bpowershell(?:\.exe)?\b[^\n]*-(?:e|enc|encodedcommand)\s+[A-Za-z0-9+/=]{16,}|\bcmd(?:\.exe)?\s+\/c\s+start\b|[^&]&\s*$/i;

export default defineRule({
  id: 'py-hidden-process',
  meta: {
    kind: 'threat',
    category: 'evasion',
    severity: 'high',
    confidence: 'medium',
    summary: 'Python starts a process hidden or detached (CREATE_NO_WINDOW, DETACHED_PROCESS, nohup, start /b, pythonw, powershell -w hidden/-enc)',
    why: 'Droppers launch their second stage so that no console window appears and the process outlives the installer or test script (InvisibleFerret starts its payload with CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP).',
    fix: 'Find what the hidden process runs (usually a file just downloaded or decoded) and do not run the project.',
    falsePositives: 'GUI applications hide console windows of helper tools (ffmpeg, git) with CREATE_NO_WINDOW; those still show here at medium confidence, so weigh it with what the command runs.',
    references: ['https://attack.mitre.org/techniques/T1564/003/', 'https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\b(?:subprocess|Popen|system|popen|startfile|spawn|CREATE_NO_WINDOW|DETACHED_PROCESS|nohup)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    for (const c of model.calls) {
      if (!isProcessCall(model, c)) continue;
      const flags = [c.kwargs.get('creationflags')?.text, c.kwargs.get('startupinfo')?.text].filter(Boolean).join(' ');
      const hiddenByFlag = HIDDEN_FLAGS.exec(flags);
      const cmdParts = c.args.map((a) => evaluate(a, { model })?.value ?? a.text);
      if (c.args[0]?.type === 'list') for (const el of c.args[0].namedChildren) if (el) cmdParts.push(evaluate(el, { model })?.value ?? el.text);
      const cmd = cmdParts.join(' ');
      const hiddenByCmd = HIDDEN_CMD.exec(cmd);
      if (!hiddenByFlag && !hiddenByCmd) continue;
      // Running a well-known helper tool hidden is what GUI apps do: keep it, but at low confidence.
      const benignTool = /^\s*[\[(]?\s*['"]?(?:ffmpeg|ffprobe|git|taskkill|where|tasklist|wmic)\b/i.test(cmd) && !hiddenByCmd;
      ctx.report({
        at: at(c.node),
        message: `${resolveCallee(model, c.callee)} starts a ${hiddenByFlag ? `process with ${hiddenByFlag[0]}` : `hidden/detached command (${hiddenByCmd![0].trim()})`}`,
        evidence: clip(c.node.text),
        confidence: benignTool ? 'low' : hiddenByFlag && hiddenByCmd ? 'high' : 'medium',
        severity: benignTool ? 'low' : 'high',
      });
    }
  },
});
