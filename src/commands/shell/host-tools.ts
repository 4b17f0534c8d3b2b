// The script host's commands by name: the shell's own tools it shares with containers, and the
// ones only the host has. One list for the host shell and for the terminal's Tab completion (which
// must not load the shell itself to know them).

/** Tools the host borrows from the container shell's table. */
export const SHARED_TOOLS = ['grep', 'head', 'tail', 'wc', 'base64', 'ls', 'mkdir', 'rm', 'touch', 'cp', 'mv', 'dirname', 'true', 'false', 'env', 'printenv', 'sort', 'uniq', 'cut', 'tr', 'seq'] as const;

/** Tools only the host has (kubectl, docker and the simulation's own), and its builtins worth offering. */
export const HOST_ONLY_TOOLS = ['kubectl', 'docker', 'kubesim', 'sleep', 'sudo', 'curl', 'cat', 'clear', 'echo', 'printf', 'cd', 'pwd', 'export'] as const;

/** Every name the terminal offers for the first word, sorted. */
export const HOST_TOOL_NAMES: readonly string[] = [...new Set<string>([...HOST_ONLY_TOOLS, ...SHARED_TOOLS])].sort();
