// How many arguments each docker command takes, checked as cobra does after the flags parse and
// before the command runs (docker/cli v27 cli/required.go), with its Use line and Short text.

interface Arity {
  min?: number;
  max?: number;
  /** Use without the command's own name (cobra's UseLine puts the command path in front). */
  use: string;
  short: string;
}

/** Keyed by the command path after `docker` (`run`, `container run`, `volume create`). */
const ARITY: Record<string, Arity> = {
  run: { min: 1, use: '[OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create and run a new container from an image' },
  exec: { min: 2, use: '[OPTIONS] CONTAINER COMMAND [ARG...]', short: 'Execute a command in a running container' },
  'volume create': { max: 1, use: '[OPTIONS] [VOLUME]', short: 'Create a volume' },
  'volume rm': { min: 1, use: '[OPTIONS] VOLUME [VOLUME...]', short: 'Remove one or more volumes' },
  'volume inspect': { min: 1, use: '[OPTIONS] VOLUME [VOLUME...]', short: 'Display detailed information on one or more volumes' },
};

/** RequiresMinArgs / RequiresMaxArgs' message for `docker PATH` given `count` arguments, or undefined. */
export function arityError(path: string, count: number): string | undefined {
  // `docker container run` is the same command as `docker run`, under its management path.
  const a = Object.prototype.hasOwnProperty.call(ARITY, path) ? ARITY[path] : ARITY[path.replace(/^container /, '')];
  if (!a) return undefined;
  const display = `docker ${path}`;
  const tail = `.\nSee '${display} --help'.\n\nUsage:  ${display} ${a.use}\n\n${a.short}`;
  if (a.min !== undefined && count < a.min) return `"${display}" requires at least ${a.min} ${plural(a.min)}${tail}`;
  if (a.max !== undefined && count > a.max) return `"${display}" requires at most ${a.max} ${plural(a.max)}${tail}`;
  return undefined;
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
