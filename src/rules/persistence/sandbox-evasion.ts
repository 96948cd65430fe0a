import { defineRule } from '../../core/rule.js';
import type { Node } from '../../analyzers/js/walk.js';
import { flatAst } from '../../analyzers/js/walk.js';
import { jsFacts, evidenceOf } from '../stealing/_js-facts.js';
import { clip } from '../stealing/_iocs.js';

const CPU_PROBE = /\/proc\/cpuinfo|\/sys\/class\/dmi\/id\/(?:product_name|sys_vendor)|\bsystemctl\s+is-system-running|wmic\s+(?:computersystem|bios)|Win32_ComputerSystem|system_profiler\s+SPHardwareDataType|ioreg\s+-l|\bsysctl\s+(?:-n\s+)?hw\.model|\bsystemd-detect-virt\b/i;
const HYPERVISOR = /\b(?:vmware|virtualbox|vbox|qemu|kvm|xen|hyper-?v|parallels|bochs|hypervisor|innotek|sandboxie|cuckoo|virtual machine)\b/i;
// VirtualBox, VMware, Parallels, QEMU/KVM, Xen, Hyper-V MAC prefixes.
const VM_MAC = /^(?:08:00:27|0a:00:27|00:05:69|00:0c:29|00:1c:14|00:50:56|00:1c:42|52:54:00|00:16:3e|00:15:5d)$/i;
// Process names that blend into a developer's process list.
const DISGUISE = /^(?:npm-cache|node-cache|npm|node|svchost|explorer|chrome|Google Chrome Helper|systemd|kworker|update|updater)$/i;

export default defineRule({
  id: 'sandbox-evasion',
  meta: {
    kind: 'threat',
    category: 'evasion',
    severity: 'high',
    confidence: 'medium',
    summary: 'Checks for virtual machines or sandboxes (/proc/cpuinfo vs hypervisor names, VM MAC prefixes) or disguises its process title',
    why: 'RATs dropped by lure projects refuse to run under analysis: they read /proc/cpuinfo or DMI/WMI strings for VMware/VirtualBox/QEMU, compare MAC prefixes, and rename their process (`process.title = "npm-cache"`) to hide in the process list.',
    fix: 'Do not run the project. Analyse it only in an instrumented sandbox that also fakes these checks.',
    falsePositives: 'System-information libraries (systeminformation) read /proc/cpuinfo and list hypervisor names to report them: a probe with a hypervisor list, or a VM-MAC table, is low; only when the same file can exit on the result is it high. Setting process.title to the tool\'s own name is not reported.',
    references: ['https://attack.mitre.org/techniques/T1497/001/', 'https://attack.mitre.org/techniques/T1036/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /cpuinfo|dmi\/id|wmic|Win32_ComputerSystem|system_profiler|ioreg|hw\.model|detect-virt|08:00:27|00:0c:29|00:50:56|52:54:00|process\.title|_0x[0-9a-f]{4}/i,
  check(ctx, js) {
    const f = jsFacts(js);
    const probe = f.strings.find((s) => s.value.length < 2000 && CPU_PROBE.test(s.value));
    const hyper: Array<{ value: string }> = f.strings.filter((s) => s.value.length < 200 && HYPERVISOR.test(s.value));
    const titles: Node[] = [];
    for (const n of flatAst(js.ast).nodes) {
      // Hypervisor names also hide in regex literals: /vmware|virtualbox/i.test(cpuinfo)
      if (n.type === 'Literal' && n.regex && typeof n.regex.pattern === 'string' && n.regex.pattern.length < 300 && HYPERVISOR.test(n.regex.pattern)) hyper.push({ value: `/${n.regex.pattern}/` });
      else if (n.type === 'AssignmentExpression' && n.left?.type === 'MemberExpression' && n.left.object?.type === 'Identifier' &&
        n.left.object.name === 'process' && n.left.property?.name === 'title') titles.push(n);
    }
    const macs = f.strings.filter((s) => VM_MAC.test(s.value.trim()));
    const exits = f.calls.some((c) => /^(?:process\.exit|process\.kill|\?\.exit)$/.test(c.callee));
    if (probe && hyper.length) {
      // Reporting the hypervisor is what system-information libraries do; quitting on it is what malware does.
      const strong = exits;
      ctx.report({
        at: { node: probe },
        message: `VM/sandbox check: ${clip(probe.value, 60)} compared with ${hyper.slice(0, 4).map((s) => clip(s.value, 20)).join(', ')}${exits ? ', then exits' : ''}`,
        evidence: clip(evidenceOf(js, probe)),
        decoded: probe.folded ? probe.value : undefined,
        severity: strong ? 'high' : 'low',
        confidence: strong ? 'high' : 'low',
      });
    } else if (macs.length >= 2) {
      ctx.report({
        at: { node: macs[0]! },
        message: `Table of virtual-machine MAC prefixes (${macs.slice(0, 5).map((s) => s.value).join(', ')})${exits ? ', and the program can exit on it' : ''}`,
        severity: exits ? 'high' : 'low',
        confidence: exits ? 'medium' : 'low',
      });
    }
    // process.title = 'npm-cache' (or another name that is not the tool's own)
    for (const n of titles) {
      const v = n.right?.type === 'Literal' && typeof n.right.value === 'string' ? n.right.value : null;
      if (v === null || !DISGUISE.test(v)) continue;
      ctx.report({
        at: { node: n },
        message: `Process renamed to "${v}" to blend into the process list`,
        severity: 'high',
        confidence: 'medium',
      });
    }
  },
});
