// `docker build`: a Dockerfile's steps over a base image. FROM, RUN, COPY and ADD make layers;
// the other instructions only change the image's configuration (0B rows in the history).
// RUN runs in the simulated shell (with pip, apt-get and apk from the size model), and its layer
// is what it wrote. Layers are content-addressed, so images that share steps share storage.
import type { ClusterState } from '../cluster/state.ts';
import { ContainerFs } from '../containers/container-fs.ts';
import { EMPTY_TREE, applyLayer, entryAt, layerBytes, mkdirAll, normalizePath, treeEntries, treeOf, writeFile, type FsTree } from '../fs/tree.ts';
import { digestHex } from '../runtime/ids.ts';
import { runShell } from '../shell/interpreter.ts';
import { imageFamily } from '../shell/dialect.ts';
import { findCatalogImage, parseImageRef, type HistoryRow } from './catalog.ts';
import { BUILD_COMMANDS } from './packages.ts';
import type { DockerHost, DockerImage } from './types.ts';

export interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

export type BuildResult = { ok: true; host: DockerHost; image: DockerImage; progress: string } | { ok: false; error: string; progress: string };

/** Instructions with `\\` continuations joined and comments dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    const start = i + 1;
    if (!line || line.startsWith('#')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    out.push({ line: start, keyword: m[1]!.toUpperCase(), args: m[2]! });
  }
  return out;
}

/** `["python", "app.py"]` or `python app.py` → argv (the shell form runs through /bin/sh -c). */
function argvOf(args: string): { argv: string[]; json: boolean } {
  if (args.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(args) as unknown;
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return { argv: parsed as string[], json: true };
    } catch {
      /* not JSON: the shell form */
    }
  }
  return { argv: ['/bin/sh', '-c', args], json: false };
}

/** Go's %v of a string slice, as the history prints CMD and ENTRYPOINT: `["python" "app.py"]`. */
const goSlice = (argv: readonly string[]) => `[${argv.map((a) => JSON.stringify(a)).join(' ')}]`;

export interface BuildRequest {
  tag: string;
  dockerfile: string;
  /** Files of the build context, by path relative to it. */
  context: (path: string) => string | undefined;
}

export function buildImage(state: ClusterState, host: DockerHost, req: BuildRequest): BuildResult {
  const steps = parseDockerfile(req.dockerfile);
  const progress: string[] = [`#0 building with "default" instance using docker driver`, '', '#1 [internal] load build definition from Dockerfile', `#1 transferring dockerfile: ${new TextEncoder().encode(req.dockerfile).length}B done`, '#1 DONE 0.0s'];
  const from = steps[0];
  if (!from || from.keyword !== 'FROM') return { ok: false, error: 'ERROR: failed to build: failed to solve: dockerfile parse error: no build stage in current context', progress: progress.join('\n') + '\n' };
  const baseRef = from.args.split(/\s+/)[0]!;
  const local = host.tags[qualify(baseRef)];
  const catalog = findCatalogImage(baseRef);
  if (!local && !catalog) {
    const { repository, tag } = parseImageRef(baseRef);
    return {
      ok: false,
      error: `ERROR: failed to build: failed to solve: ${baseRef}: failed to resolve source metadata for docker.io/library/${repository}:${tag}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      progress: progress.join('\n') + '\n',
    };
  }
  const base = local ? host.images[local]! : undefined;
  let history: HistoryRow[] = base ? [...base.history] : [...catalog!.history];
  let layers: string[] = base ? [...base.layers] : chainDigests(catalog!.history);
  let fs: FsTree = base ? base.fs : catalog!.fs;
  let cmd = base?.cmd ?? catalog!.cmd;
  let entrypoint = base?.entrypoint ?? catalog!.entrypoint ?? [];
  let env = base?.env ?? catalog!.env;
  let workdir = base?.workdir ?? '/';
  const layerSizes: Record<string, number> = { ...host.layers };
  if (!base) history.forEach((row, i) => !row.empty && (layerSizes[layers[history.slice(0, i + 1).filter((r) => !r.empty).length - 1]!] = row.size));
  const now = state.now;
  // BuildKit's cache: a step is CACHED when an image already holds the same steps up to it
  // (everything here is deterministic, so the same steps give the same layers).
  const known = Object.values(host.images);
  const cached = (rows: readonly HistoryRow[]) =>
    known.some((k) => k.history.length >= rows.length && rows.every((r, i) => r.createdBy === k.history[i]!.createdBy) && layers.every((d, i) => d === k.layers[i]));
  // BuildKit lists only the steps that run something (FROM, WORKDIR, COPY, ADD, RUN) as [i/N].
  const runs = (k: string) => ['FROM', 'WORKDIR', 'COPY', 'ADD', 'RUN'].includes(k);
  const total = steps.filter((s) => runs(s.keyword)).length;
  let shown = 1;
  let n = 2;
  progress.push('', `#${n} [internal] load metadata for docker.io/library/${qualify(baseRef).replace(/^docker\.io\/library\//, '')}`, `#${n} DONE 0.0s`);
  n++;
  progress.push('', `#${n} [1/${total}] FROM docker.io/library/${qualify(baseRef)}`, `#${n} DONE 0.0s`);
  for (const step of steps.slice(1)) {
    if (runs(step.keyword)) n++;
    const label = runs(step.keyword) ? `[${++shown}/${total}] ${step.keyword} ${step.args}` : '';
    /** `content` makes a copied file's layer depend on the file itself, not only its size. */
    const addRow = (createdBy: string, size: number, makesLayer: boolean, content = '') => {
      history = [...history, { createdBy, size, comment: 'buildkit.dockerfile.v0', empty: !makesLayer, created: now }];
      if (makesLayer) {
        const digest = digestHex(`${layers[layers.length - 1] ?? ''}|${createdBy}|${size}${content ? `|${digestHex(content)}` : ''}`);
        layers = [...layers, digest];
        layerSizes[digest] = size;
      }
    };
    switch (step.keyword) {
      case 'WORKDIR': {
        workdir = normalizePath(step.args.startsWith('/') ? step.args : `${workdir}/${step.args}`);
        fs = mkdirAll(fs, workdir) ?? fs;
        addRow(`WORKDIR ${workdir}`, 0, false);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const parts = step.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        const dest = parts.pop() ?? '.';
        let layer: FsTree = EMPTY_TREE;
        let copied = '';
        for (const src of parts) {
          const content = req.context(src);
          if (content === undefined) {
            return { ok: false, error: `ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref: "/${src}": not found`, progress: progress.join('\n') + '\n' };
          }
          copied += `${src}\0${content}\0`;
          const abs = normalizePath(dest.startsWith('/') ? dest : `${workdir}/${dest}`);
          const target = dest.endsWith('/') || parts.length > 1 ? `${abs}/${src.slice(src.lastIndexOf('/') + 1)}` : abs;
          layer = applyLayer(layer, mkdirAll(EMPTY_TREE, target.slice(0, target.lastIndexOf('/')) || '/') ?? EMPTY_TREE);
          // The layer keeps the file and the directories it needed that the image did not have.
          const written = writeFile(applyLayer(fs, layer), target, content) ?? layer;
          layer = treeOf(treeEntries(written).filter(([p]) => p === target || !entryAt(fs, p)));
        }
        const size = layerBytes(layer);
        fs = applyLayer(fs, layer);
        addRow(`${step.keyword} ${step.args} # buildkit`, size, true, copied);
        break;
      }
      case 'RUN': {
        let upper: FsTree = EMPTY_TREE;
        const container = new ContainerFs({ state, mounts: [], lower: fs, upper: () => upper, setUpper: (t) => (upper = t) });
        const envMap = Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
        const r = runShell(step.args, { fs: container, env: envMap, cwd: workdir, hostname: 'buildkitsandbox', lastCode: 0, extraCommands: BUILD_COMMANDS, family: imageFamily(baseRef, base?.history), argv0: '/bin/sh' });
        if (r.code !== 0) {
          progress.push('', `#${n} ${label}`, ...outputLines(n, r.stdout + r.stderr));
          progress.push(`#${n} ERROR: process "/bin/sh -c ${step.args}" did not complete successfully: exit code: ${r.code}`);
          return { ok: false, error: `ERROR: failed to build: failed to solve: process "/bin/sh -c ${step.args}" did not complete successfully: exit code: ${r.code}`, progress: progress.join('\n') + '\n' };
        }
        fs = applyLayer(fs, upper);
        addRow(`RUN /bin/sh -c ${step.args} # buildkit`, layerBytes(upper), true);
        progress.push('', `#${n} ${label}`, ...(cached(history) ? [`#${n} CACHED`] : [...outputLines(n, r.stdout + r.stderr), `#${n} DONE 0.5s`]));
        continue;
      }
      case 'CMD':
        cmd = argvOf(step.args).argv;
        addRow(`CMD ${goSlice(cmd)}`, 0, false);
        break;
      case 'ENTRYPOINT':
        entrypoint = argvOf(step.args).argv;
        addRow(`ENTRYPOINT ${goSlice(entrypoint)}`, 0, false);
        break;
      case 'EXPOSE':
        addRow(`EXPOSE map[${step.args.split(/\s+/).map((p) => (p.includes('/') ? p : `${p}/tcp`)).map((p) => `${p}:{}`).join(' ')}]`, 0, false);
        break;
      case 'ENV': {
        const m = /^(\S+?)(?:=|\s+)(.*)$/.exec(step.args);
        if (m) env = [...env.filter((e) => !e.startsWith(`${m[1]}=`)), `${m[1]}=${m[2]!.replace(/^"(.*)"$/, '$1')}`];
        addRow(`ENV ${m ? `${m[1]}=${m[2]!.replace(/^"(.*)"$/, '$1')}` : step.args}`, 0, false);
        break;
      }
      case 'VOLUME':
        addRow(`VOLUME [${argvOf(step.args).json ? argvOf(step.args).argv.join(' ') : step.args}]`, 0, false);
        break;
      case 'LABEL':
      case 'USER':
      case 'STOPSIGNAL':
      case 'ARG':
      case 'HEALTHCHECK':
      case 'SHELL':
      case 'ONBUILD':
        addRow(`${step.keyword} ${step.args}`, 0, false);
        break;
      default:
        return { ok: false, error: `ERROR: failed to build: failed to solve: dockerfile parse error on line ${step.line}: unknown instruction: ${step.keyword}`, progress: progress.join('\n') + '\n' };
    }
    if (label) progress.push('', `#${n} ${label}`, cached(history) ? `#${n} CACHED` : `#${n} DONE 0.0s`);
  }
  n++;
  const id = digestHex(`${layers.join(',')}|${history.map((h) => h.createdBy).join('\n')}|${cmd.join(' ')}|${env.join(' ')}`);
  const tag = req.tag ? qualify(req.tag) : '';
  progress.push('', `#${n} exporting to image`, `#${n} exporting layers 0.1s done`, `#${n} writing image sha256:${id} done`, ...(tag ? [`#${n} naming to docker.io/library/${tag} done`] : []), `#${n} DONE 0.2s`);
  // A tag moves to the new image; an image left with no tag is dangling (`<none>`).
  const images = { ...host.images };
  const previous = tag ? host.tags[tag] : undefined;
  if (previous && previous !== id && images[previous]) images[previous] = { ...images[previous]!, tags: images[previous]!.tags.filter((t) => t !== tag) };
  const existing = images[id];
  const image: DockerImage = existing
    ? { ...existing, tags: [...new Set([...existing.tags, ...(tag ? [tag] : [])])] }
    : { id, tags: tag ? [tag] : [], created: now, history, layers, fs, cmd, entrypoint, env, workdir };
  images[id] = image;
  return { ok: true, host: { ...host, images, tags: tag ? { ...host.tags, [tag]: id } : host.tags, layers: layerSizes }, image, progress: progress.join('\n') + '\n' };
}

const outputLines = (n: number, text: string) => (text ? text.trimEnd().split('\n').map((l) => `#${n} 0.100 ${l}`) : []);

/** Layer digests for a catalogue image's rows (each non-empty row on top of the previous). */
export function chainDigests(rows: readonly HistoryRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) if (!r.empty) out.push(digestHex(`${out[out.length - 1] ?? ''}|${r.createdBy}|${r.size}`));
  return out;
}

/** `python:3.9-slim` and `my-image` (→ `my-image:latest`), as the tag table keys them. */
export function qualify(ref: string): string {
  const { repository, tag } = parseImageRef(ref);
  return `${repository}:${tag}`;
}
