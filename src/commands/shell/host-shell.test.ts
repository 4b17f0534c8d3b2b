// The script host is a bash: what a learner types around kubectl works as it does on their
// machine (variables that persist, `$( )`, pipes into base64 and grep, heredocs into files,
// loops, `$?`, `&&`/`||`), against the simulated cluster.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const noFiles = { read: () => undefined };
const quiet = (text: string, files: { read: (p: string) => string | undefined } = noFiles) => runScript(text, { quiet: true, files, preset: 'kind' });

describe('the host shell', () => {
  it("prints the course's base64 of frontenduser, and decodes it back", () => {
    const r = quiet("echo -n 'frontenduser' | base64\necho ZnJvbnRlbmR1c2Vy | base64 --decode; echo\necho ZnJvbnRlbmR1c2Vy | base64 -d\n");
    expect(r.stdout).toBe('ZnJvbnRlbmR1c2Vy\nfrontenduser\nfrontenduser');
    expect(r.exitCode).toBe(0);
  });

  it('base64 wraps at 76 columns as GNU base64 does, and -w 0 does not', () => {
    const r = quiet('printf %080d 0 | base64\nprintf %080d 0 | base64 -w 0; echo\n');
    expect(r.stdout.split('\n').map((l) => l.length)).toEqual([76, 32, 108, 0]);
    expect(quiet('printf x | base64 -w 0').stdout).toBe('eA==');
  });

  it('variables and exports carry from one command to the next', () => {
    const r = quiet('X=5; export Y=6\necho "$X $Y"\nZ=$(echo $X$Y)\necho $Z\n');
    expect(r.stdout).toBe('5 6\n56\n');
  });

  it('`cat <<EOF > file` writes a file kubectl apply -f reads, with variables expanded', () => {
    const r = quiet(`N=5
cat <<EOF > pvc.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data-$N
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF
kubectl apply -f pvc.yaml
cat pvc.yaml | grep name:
`);
    expect(r.stdout).toBe('persistentvolumeclaim/data-5 created\n  name: data-5\n');
  });

  it("a quoted heredoc delimiter keeps $ as written; <<- strips leading tabs", () => {
    const r = quiet("X=1\ncat <<'EOF'\n$X `x`\nEOF\ncat <<-EOF\n\t$X\n\tEOF\n");
    expect(r.stdout).toBe('$X `x`\n1\n');
  });

  it('kubectl apply -f - <<EOF still reads the heredoc', () => {
    const r = quiet('kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\nEOF\nkubectl get cm cfg -o name\n');
    expect(r.stdout).toBe('configmap/cfg created\nconfigmap/cfg\n');
  });

  it('loops run kubectl; output pipes into grep with -c, -E, -v, -i, -A and -B', () => {
    const r = quiet(`for n in a b c; do
  kubectl create configmap cm-$n --from-literal=k=$n
done
kubectl get cm -o name | grep -c cm-
kubectl get cm -o name | grep -E 'cm-(a|c)'
kubectl get cm -o name | grep -v cm- | grep -i ROOT
kubectl get cm cm-b -o yaml | grep -A1 -B1 '^data:'
`);
    expect(r.stdout).toBe('configmap/cm-a created\nconfigmap/cm-b created\nconfigmap/cm-c created\n3\nconfigmap/cm-a\nconfigmap/cm-c\nconfigmap/kube-root-ca.crt\napiVersion: v1\ndata:\n  k: b\n');
  });

  it('$? is the last status, and || and && choose by it', () => {
    const r = quiet('kubectl get pvc nope || echo "missing: $?"\nkubectl get ns default >/dev/null && echo found\nfalse; echo $?\n');
    expect(r.stdout).toBe('missing: 1\nfound\n1\n');
    expect(r.stderr).toBe('Error from server (NotFound): persistentvolumeclaims "nope" not found\n');
  });

  it('a command substitution captures kubectl output', () => {
    const r = quiet("kubectl create configmap one\nNAME=$(kubectl get cm one -o jsonpath='{.metadata.name}')\necho \"got $NAME\"\n");
    expect(r.stdout).toBe('configmap/one created\ngot one\n');
  });

  it('while read walks kubectl output line by line', () => {
    const r = quiet('kubectl create configmap x\nkubectl create configmap y\nkubectl get cm -o name | grep -v root | while read cm; do echo "- $cm"; done\n');
    expect(r.stdout).toBe('configmap/x created\nconfigmap/y created\n- configmap/x\n- configmap/y\n');
  });

  it('echoes a multi-line command once, as written, and runs it as one', () => {
    const r = runScript('for i in 1 2; do\n  echo $i\ndone\n', { files: noFiles });
    expect(r.stdout).toBe('$ for i in 1 2; do\n  echo $i\ndone\n1\n2\n');
  });

  it('exit ends the script; its status decides the exit code', () => {
    expect(quiet('echo a\nexit 0\necho b\n')).toMatchObject({ stdout: 'a\n', exitCode: 0 });
    expect(quiet('echo a\nexit 3\necho b\n')).toMatchObject({ stdout: 'a\n', exitCode: 1 });
  });

  it('a script that is not a shell program is refused before anything runs, in bash words', () => {
    expect(quiet('echo a\nfi\n')).toMatchObject({ stdout: '', stderr: "kubesim: line 2: syntax error near unexpected token `fi'\n", exitCode: 2 });
    expect(quiet('echo a\nfor i in 1; do\necho $i\n')).toMatchObject({ stderr: 'kubesim: line 4: syntax error: unexpected end of file\n', exitCode: 2 });
    expect(quiet('echo a\nkubectl apply -f - <<EOF\nkind: Pod\n')).toMatchObject({ stderr: "kubesim: line 2: here-document at line 2 delimited by end-of-file (wanted `EOF')\n", exitCode: 2 });
  });

  it('an unknown tool reads as before; errors of the shell itself name the script line', () => {
    const r = quiet('helm list\ncat < nope.txt\ncd /nowhere\n');
    expect(r.stderr).toBe('helm: command not found\nkubesim: line 2: nope.txt: No such file or directory\nkubesim: line 3: cd: /nowhere: No such file or directory\n');
    expect(r.exitCode).toBe(1);
  });

  it("reads the script's folder; what the script writes shadows it", () => {
    const files = { read: (p: string) => (p === 'cm.yaml' ? 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-folder\n' : undefined) };
    const r = quiet("kubectl apply -f cm.yaml\nsed_free=$(cat cm.yaml | grep name:)\necho $sed_free\necho 'kind: Nope' > cm.yaml\ncat cm.yaml\n", files);
    expect(r.stdout).toBe('configmap/from-folder created\nname: from-folder\nkind: Nope\n');
  });

  it('an endless loop on the host ends with a message, and the script goes on', () => {
    const r = quiet('while true; do :; done\necho after\n');
    expect(r.stdout).toBe('after\n');
    expect(r.stderr).toContain('kubesim: stopped after');
  });

  it('kubectl suggests other commands for an unknown one, never the command itself', () => {
    const r = quiet('kubectl proxi\n');
    expect(r.stderr).toContain('Did you mean this?\n\tproxy\n');
    const exact = quiet('kubectl attach\n');
    expect(exact.stderr).not.toContain('\tattach\n');
  });
});
