// Command lines for the fuzzer: every tool, verb and flag the project supports (and some it does
// not), with missing arguments, huge counts, unbalanced quotes, pipes, redirects and heredocs;
// and the cluster actions (apply, delete, patch, exec, node failure, sleep) that sequences chain.
import fc from 'fast-check';
import { DEMO_LINES, EXAMPLE_FILE_NAMES } from './seeds.ts';
import { manifestText } from './manifests.ts';
import { PROTOTYPE_NAMES, anyLeaf, hostileString, objectName } from './values.ts';

const HUGE = ['0', '-1', '4294967296', '9007199254740993', '1e308', '99999999999999999999', '2147483648', '0.5', 'NaN', ''];
const huge = fc.oneof(fc.constantFrom(...HUGE), fc.nat().map(String));

const RESOURCES = ['pv', 'pvc', 'sc', 'cm', 'po', 'pods', 'deploy', 'rs', 'ns', 'no', 'nodes', 'events', 'secrets', 'csidrivers', 'volumeattachments', 'all', 'pv,pvc', 'storageclass', 'persistentvolumeclaims', 'foo', 'pvc/data', 'pod/example-pod', 'deploy/web', 'node/kind-control-plane', ...PROTOTYPE_NAMES];
const resource = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...RESOURCES) }, { weight: 1, arbitrary: hostileString });
const name = objectName;
const NODES = ['kind-control-plane', 'kind-worker', 'kind-worker2', 'node-1', 'worker-a1', 'worker-b1', 'worker-c2', 'nope', ...PROTOTYPE_NAMES];
const node = fc.constantFrom(...NODES);
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'mars-1a', ...PROTOTYPE_NAMES];
const PODS = ['example-pod', 'deploy/web', 'web', 'frontend', 'two-containers', 'pod/example-pod', 'nope', ...PROTOTYPE_NAMES];
const pod = fc.oneof(fc.constantFrom(...PODS), name);
const file = fc.oneof(fc.constantFrom(...EXAMPLE_FILE_NAMES, '-', 'missing.yaml', '', '/etc/passwd', '../README.md'), hostileString);

const OUTPUTS = ['wide', 'yaml', 'json', 'name', 'jsonpath={.items[*].metadata.name}', 'jsonpath={', 'jsonpath={.items[99999999].x}', 'custom-columns=NAME:.metadata.name', 'custom-columns=', 'go-template={{.}}', 'bogus', ''];
const SELECTORS = ['app=web', 'app!=web', 'app in (a,b)', '!app', 'app', '==', 'a=b,c=d', 'app in (', '__proto__=x', 'constructor'];

/** kubectl's flags by verb, each with a value generator (undefined: a switch). */
const KUBECTL_FLAGS: Record<string, Record<string, fc.Arbitrary<string> | undefined>> = {
  common: { '-n': fc.oneof(name, fc.constant('kube-system')), '-A': undefined, '--namespace': name },
  apply: { '-f': file, '--dry-run': fc.constantFrom('client', 'server', 'none', 'bogus'), '--validate': fc.constantFrom('true', 'false', 'strict', 'x'), '--force': undefined, '--server-side': undefined },
  create: { '-f': file, '--from-literal': fc.oneof(fc.constantFrom('a=b', '=', 'a', '__proto__=x', 'constructor=1'), hostileString) },
  get: { '-o': fc.constantFrom(...OUTPUTS), '-l': fc.constantFrom(...SELECTORS), '--show-labels': undefined, '-L': name, '--field-selector': fc.constantFrom('involvedObject.name=data', 'metadata.name=x', 'spec.nodeName=', 'bogus', '=', 'status.phase!=Running'), '--no-headers': undefined, '-w': undefined },
  describe: { '-l': fc.constantFrom(...SELECTORS), '--show-events': fc.constantFrom('true', 'false', 'x') },
  delete: { '-f': file, '-l': fc.constantFrom(...SELECTORS), '--all': undefined, '--force': undefined, '--grace-period': huge, '--now': undefined, '--wait': fc.constantFrom('true', 'false'), '--ignore-not-found': undefined },
  label: { '--overwrite': undefined, '-l': fc.constantFrom(...SELECTORS), '--all': undefined },
  annotate: { '--overwrite': undefined, '-l': fc.constantFrom(...SELECTORS), '--all': undefined },
  patch: { '-p': fc.oneof(fc.constantFrom('{}', '{', 'null', '[]', '{"spec":null}', '{"metadata":{"finalizers":null}}', '{"spec":{"resources":{"requests":{"storage":"4294967296Gi"}}}}'), anyLeaf.map((v) => JSON.stringify({ spec: v }) ?? 'null')), '--type': fc.constantFrom('merge', 'json', 'strategic', 'bogus') },
  taint: { '--overwrite': undefined },
  cordon: {},
  uncordon: {},
  drain: { '--ignore-daemonsets': undefined, '--delete-emptydir-data': undefined, '--force': undefined, '--grace-period': huge, '--timeout': fc.constantFrom('0s', '1s', '99999999h', 'x') },
  exec: { '-c': name, '-i': undefined, '-t': undefined, '-it': undefined, '-q': undefined },
  logs: { '-c': name, '-f': undefined, '-p': undefined, '--previous': undefined, '--tail': huge, '--timestamps': undefined },
  'api-resources': {},
  version: { '--client': undefined, '-o': fc.constantFrom('json', 'yaml', 'x') },
};
const KUBECTL_VERBS = Object.keys(KUBECTL_FLAGS).filter((v) => v !== 'common');

function flagsFor(table: Record<string, fc.Arbitrary<string> | undefined>): fc.Arbitrary<string[]> {
  // Built without `chain`, so fast-check can shrink a failing line flag by flag.
  const options = Object.entries(table).map(([flag, value]) =>
    value === undefined ? fc.constant([flag]) : fc.oneof({ weight: 4, arbitrary: value.map((v) => [flag, v]) }, { weight: 1, arbitrary: value.map((v) => [`${flag}=${v}`]) }, { weight: 1, arbitrary: fc.constant([flag]) }),
  );
  if (options.length === 0) return fc.constant([]);
  return fc.array(fc.oneof(...options), { maxLength: 3 }).map((xs) => xs.flat());
}

/** Commands a container's shell runs (busybox-like), with huge counts and odd paths. */
const containerCommand: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom<string[]>(['ls', '/'], ['cat', '/etc/hostname'], ['kill', '1'], ['kill', '-9', '1'], ['df', '-h'], ['mount'], ['env'], ['hostname'], ['true'], ['false'], ['exit', '3'], ['sleep', '4294967296'], ['sh'], ['sh', '-c'], ['nope']),
  fc.tuple(fc.constantFrom('/data', '/usr/share/nginx/html', '/tmp', '/', '/proc', '/etc/config', '/dev/null'), huge).map(([dir, n]) => ['sh', '-c', `dd if=/dev/zero of=${dir}/f bs=1M count=${n}`]),
  fc.tuple(fc.constantFrom('/data/f', '/tmp/f', '/f'), huge).map(([f, n]) => ['fallocate', '-l', `${n}G`, f]),
  fc.tuple(hostileString, fc.constantFrom('/data/x', '/tmp/x', '/etc/config/x', '/')).map(([s, f]) => ['sh', '-c', `echo '${s.replace(/'/g, '')}' > ${f}; cat ${f} | wc -c`]),
  fc.tuple(huge).map(([n]) => ['sh', '-c', `head -c ${n} /dev/zero | wc -c; tail -n ${n} /etc/hostname`]),
  fc.constantFrom<string[]>(['sh', '-c', 'while true; do :; done'], ['sh', '-c', 'x=a; for i in 1 2 3; do x=$x$x; done; echo $x'], ['sh', '-c', 'ln -s / /tmp/l; ls /tmp/l/tmp/l/tmp/l'], ['sh', '-c', 'mkdir -p /tmp/a/b/c/d/e/f/g/h && cp -r /tmp/a /tmp/a/b'], ['sh', '-c', '*'], ['sh', '-c', '$(((']),
);

function kubectlArgs(verb: string): fc.Arbitrary<string[]> {
  switch (verb) {
    case 'exec':
      return fc.tuple(pod, containerCommand, fc.boolean()).map(([p, cmd, dashes]) => [p, ...(dashes ? ['--'] : []), ...cmd]);
    case 'taint':
      return fc.tuple(fc.constantFrom('nodes', 'node', 'pvc'), node, fc.constantFrom('node.kubernetes.io/out-of-service=nodeshutdown:NoExecute', 'a=b:NoSchedule', 'a-', 'a=b:Bogus', '=:', 'constructor=x:NoSchedule')).map((xs) => [...xs]);
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return fc.array(node, { maxLength: 2 });
    case 'label':
    case 'annotate':
      return fc.tuple(resource, name, fc.array(fc.oneof(fc.constantFrom('a=b', 'a-', '__proto__=x', 'constructor=1', 'toString-', '=', 'a=b=c'), hostileString), { maxLength: 2 })).map(([r, n, kv]) => [r, n, ...kv]);
    case 'create':
      return fc.oneof(fc.constant<string[]>([]), fc.tuple(fc.constantFrom('namespace', 'ns', 'configmap', 'cm', 'secret', 'secret generic'), name).map(([k, n]) => [...k.split(' '), n]));
    default:
      return fc.array(fc.oneof(resource, name), { maxLength: 3 });
  }
}

const kubectlLine: fc.Arbitrary<string[]> = fc.oneof(
  ...KUBECTL_VERBS.map((verb) => fc.tuple(kubectlArgs(verb), flagsFor(KUBECTL_FLAGS[verb]!), flagsFor(KUBECTL_FLAGS['common']!)).map(([a, f, c]) => ['kubectl', verb, ...a, ...f, ...c])),
);

const IMAGES = ['busybox', 'alpine', 'nginx', 'python:3.9-slim', 'my-image', 'nope:latest', 'a@sha256:0', ':', ...PROTOTYPE_NAMES];
const image = fc.oneof(fc.constantFrom(...IMAGES), hostileString);
const CONTAINERS = ['my-cont-1', 'c1', 'web', ...PROTOTYPE_NAMES];
const dockerLine: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.constantFrom<string[]>(['-d'], ['--rm'], ['-it']),
          fc.constantFrom(...CONTAINERS).map((n) => ['--name', n]),
          fc.tuple(fc.constantFrom('my-vol', '/host', '/', 'constructor', '', 'a:b:c'), fc.constantFrom('/data', '/', '', 'relative', '/data:ro')).map(([s, t]) => ['-v', `${s}:${t}`]),
          fc.constantFrom('type=volume,src=v,dst=/d', 'type=bind,src=/x,dst=/y', 'type=tmpfs,dst=/t,tmpfs-size=4294967296', 'type=bogus', '', ',,,=').map((m) => ['--mount', m]),
          fc.constantFrom('/t', '/t:size=1e308', '').map((t) => ['--tmpfs', t]),
        ),
        { maxLength: 3 },
      ),
      image,
      fc.oneof(fc.constant<string[]>([]), containerCommand),
    )
    .map(([flags, img, cmd]) => ['docker', 'run', ...flags.flat(), img, ...cmd]),
  fc.tuple(fc.constantFrom('-t', '--tag', '-f', '-q'), image, fc.constantFrom('app', '../docker-layers/app', '.', '-', 'missing', '')).map(([f, i, dir]) => ['docker', 'build', f, i, dir]),
  fc.tuple(fc.constantFrom('images', 'history', 'pull', 'rmi', 'info', 'ps', 'logs', 'stop', 'start', 'restart', 'rm', 'inspect', 'image', 'container', 'system', 'volume', 'bogus', '--bogus', ...PROTOTYPE_NAMES), fc.array(fc.oneof(fc.constantFrom('ls', 'df', 'create', 'rm', 'prune', 'inspect', 'history', '-a', '-q', '-f', '-v', '--format', '{{json .}}', '-n', ...CONTAINERS, ...PROTOTYPE_NAMES), image, huge), { maxLength: 4 })).map(([sub, rest]) => ['docker', sub, ...rest]),
  fc.tuple(fc.constantFrom(...CONTAINERS), containerCommand).map(([c, cmd]) => ['docker', 'exec', c, ...cmd]),
);

const kubesimLine: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('pvc/', 'pod/', 'pv/', '', 'pvc', 'deploy/'), name).map(([k, n]) => ['kubesim', 'explain', k + n]),
  fc.tuple(fc.constantFrom('fail', 'recover', 'bogus'), fc.array(node, { maxLength: 2 })).map(([a, ns]) => ['kubesim', 'node', a, ...ns]),
  fc.tuple(fc.constantFrom('down', 'up', 'x'), fc.array(fc.constantFrom(...ZONES), { maxLength: 2 })).map(([a, zs]) => ['kubesim', 'zone', a, ...zs]),
  fc.tuple(pod, fc.option(name, { nil: undefined })).map(([p, c]) => ['kubesim', 'container', 'kill', p, ...(c ? ['-c', c] : [])]),
  fc.array(fc.oneof(hostileString, fc.constantFrom('-n', '-c', '--bogus', 'explain', 'node')), { maxLength: 3 }).map((xs) => ['kubesim', ...xs]),
);

const builtinLine: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(huge, fc.constantFrom('', 's', 'm', 'h', 'd', 'x')).map(([n, u]) => ['sleep', n + u]),
  fc.array(hostileString, { maxLength: 3 }).map((xs) => ['echo', ...xs]),
  fc.array(file, { maxLength: 2 }).map((xs) => ['cat', ...xs]),
  fc.oneof(containerCommand, fc.constantFrom<string[]>(['ls', '/var/lib/docker/volumes'], ['rm', '-rf', '/'], ['du', '-sh', '/var/lib/docker'], ['cat', '/var/lib/docker/volumes/my-vol/_data/x'])).map((cmd) => ['sudo', ...cmd]),
  fc.constantFrom<string[]>(['sudo'], ['sleep'], ['cat'], ['echo'], ['nope'], ['constructor'], ['__proto__'], ['toString'], ['valueOf'], ['hasOwnProperty']),
);

/** Quotes a word as a learner would, when it needs it. */
function quote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_.,:/=@%+{}\[\]*!-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One line's mangling: what a hurried learner does to it. */
type Mangle = { kind: 'none' } | { kind: 'truncate'; keep: number } | { kind: 'insert'; at: number; text: string };
const mangle: fc.Arbitrary<Mangle> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom("'", '"', '\\', '$(', '`', '${', ';', '&&', '||', '&', '#', '<', '>', '2>&1', '| grep', '\t', '\\n') }) },
);

const SUFFIXES = ['', '', '', '', ' | grep a', ' | head -n 4294967296', ' | tail -n -1', ' | wc -l', ' | base64', ' | base64 -d', ' | cat', ' | nope', ' |', ' | grep', ' > out.txt', ' >> out.txt', ' > ', ' < pv.yaml', ' < missing', ' 2>&1', ' | grep x | head -1 | wc -c'];

/** A random command line as a script line (never containing a newline unless a heredoc follows). */
export const commandLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: kubectlLine }, { weight: 2, arbitrary: dockerLine }, { weight: 2, arbitrary: kubesimLine }, { weight: 2, arbitrary: builtinLine }, { weight: 2, arbitrary: fc.constantFrom(...DEMO_LINES).map((l) => [l]) }),
    fc.constantFrom(...SUFFIXES),
    mangle,
  )
  .map(([words, suffix, m]) => {
    const line = (words.length === 1 && words[0]!.includes(' ') ? words[0]! : words.map(quote).join(' ')).replace(/[\r\n]/g, ' ') + suffix;
    if (m.kind === 'truncate') return line.slice(0, m.keep % (line.length + 1));
    if (m.kind === 'insert') {
      const at = m.at % (line.length + 1);
      return line.slice(0, at) + m.text + line.slice(at);
    }
    return line;
  });

/** Dockerfile lines: the instructions the builder knows, with odd images, huge sizes and paths out of the context. */
const dockerfileLine = fc.oneof(
  fc.constantFrom(...IMAGES, 'scratch', 'python:3.9-slim AS build', '').map((i) => `FROM ${i}`),
  fc.constantFrom('pip install flask', 'pip install 4294967296', 'apt-get install -y curl', 'apk add git', 'dd if=/dev/zero of=/big bs=1M count=1e308', 'rm -rf /', 'exit 1', 'sleep 4294967296', 'echo $(((', 'mkdir -p /a && cd /a && touch x').map((c) => `RUN ${c}`),
  fc.constantFrom('app.py /app/', '../../etc/passwd /x', '. /', 'missing /m', '__proto__ /p').map((c) => `ADD ${c}`),
  fc.constantFrom('COPY app.py /app/', 'WORKDIR /app', 'WORKDIR', 'ENV A=1', 'ENV', 'CMD ["python", "app.py"]', 'CMD [', 'ENTRYPOINT sh', 'EXPOSE 99999999', 'VOLUME /data', 'USER constructor', 'LABEL __proto__=x', 'BOGUS x', '# comment', ''),
);

/** A heredoc command: its body a manifest text (or a Dockerfile), closed, unclosed, or quoted. */
export const heredocCommand: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constantFrom('kubectl apply -f -', 'kubectl create -f -', 'kubectl delete -f -', 'cat', 'kubectl apply -f - -n other', 'kubectl apply -f - | grep created'), manifestText),
      fc.tuple(fc.constantFrom('docker build -t h -', 'docker build -t my-image -f - app', 'docker build -'), fc.array(dockerfileLine, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n') + '\n')),
    ),
    fc.constantFrom('<<EOF', "<<'EOF'", '<<-EOF', '<< EOF', '<<"EOF"'),
    fc.constantFrom('EOF', 'EOF', 'EOF', 'EO', ''),
  )
  .map(([[cmd, body], op, end]) => `${cmd} ${op}\n${body.replace(/\n$/, '')}\n${end}`);

/** The cluster actions a sequence chains, as script lines. */
export const clusterAction: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: manifestText.map((text) => `kubectl apply -f - <<EOF\n${text.replace(/\n$/, '')}\nEOF`) },
  { weight: 1, arbitrary: fc.constantFrom(...EXAMPLE_FILE_NAMES.filter((f) => f.endsWith('.yaml'))).map((f) => `kubectl apply -f ${f}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('pvc', 'pv', 'pod', 'deploy', 'sc', 'ns', 'node', 'cm', 'secret'), name, fc.constantFrom('', ' --force --grace-period=0', ' --wait=false', ' --grace-period=4294967296')).map(([r, n, f]) => `kubectl delete ${r} ${quote(n)}${f}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('pvc', 'pv', 'pod', 'deploy', 'node', 'sc'), name, fc.oneof(fc.constantFrom('{"spec":{"resources":{"requests":{"storage":"10Gi"}}}}', '{"metadata":{"finalizers":null}}', '{"spec":{"claimRef":null}}', '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}', '{"spec":{"replicas":4294967296}}', '{"spec":{"unschedulable":true}}', '{"metadata":{"labels":{"__proto__":"x"}}}'), anyLeaf.map((v) => JSON.stringify({ spec: v }) ?? '{}')))
      .map(([r, n, p]) => `kubectl patch ${r} ${quote(n)} --type merge -p ${quote(p)}`),
  },
  { weight: 2, arbitrary: fc.tuple(pod, containerCommand).map(([p, cmd]) => `kubectl exec ${quote(p)} -- ${cmd.map(quote).join(' ')}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('fail', 'recover'), node).map(([a, n]) => `kubesim node ${a} ${n}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('down', 'up'), fc.constantFrom(...ZONES)).map(([a, z]) => `kubesim zone ${a} ${z}`) },
  { weight: 1, arbitrary: fc.tuple(pod).map(([p]) => `kubesim container kill ${quote(p)}`) },
  { weight: 2, arbitrary: fc.constantFrom('5', '30', '50', '5m', '6m', '301', '1h', '0').map((d) => `sleep ${d}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('cordon', 'uncordon', 'drain --force --ignore-daemonsets --delete-emptydir-data'), node).map(([v, n]) => `kubectl ${v} ${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('kubectl get pv,pvc -A -o json', 'kubectl get pods -A -o wide', 'kubectl describe pvc', 'kubectl get events -A', 'kubectl describe nodes', 'kubesim explain pvc/data', 'kubesim explain pod/example-pod') },
);
