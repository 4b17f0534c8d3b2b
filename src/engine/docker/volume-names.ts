// The local volume driver's name rule (moby volume/local/local.go validateName, Docker 27): the
// daemon refuses a name before it becomes a key in its volume table, so `__proto__` or `a b` is an
// error, never a volume.

/** names.RestrictedNameChars: what a container or volume name may consist of. */
export const RESTRICTED_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
const RESTRICTED_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Why the daemon refuses to create a volume with this name, wrapped as its OpErr (`create NAME: …`), or undefined. */
export function volumeNameError(name: string): string | undefined {
  if (name.length === 1) return `create ${name}: volume name is too short, names should be at least two alphanumeric characters`;
  if (!RESTRICTED_NAME.test(name)) {
    return `create ${name}: ${JSON.stringify(name)} includes invalid characters for a local volume name, only "${RESTRICTED_NAME_CHARS}" are allowed. If you intended to pass a host directory, use absolute path`;
  }
  return undefined;
}
