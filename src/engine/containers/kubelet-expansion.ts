// The kubelet's `$(VAR)` expansion (Kubernetes' third_party/forked/golang/expansion), used for
// `env[].value` and for `command`/`args`. It is not a shell: `$(NAME)` is replaced when NAME is
// defined and left as written when not, `$$` is an escaped `$`, and any other `$` is literal.
// So `command: ["sh", "-c", "echo $$(date)"]` reaches the shell as `echo $(date)`.

/** Expands `$(NAME)` references in `input`; `lookup` returns undefined for names not defined. */
export function expandKubeletVars(input: string, lookup: (name: string) => string | undefined): string {
  if (!input.includes('$')) return input;
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    // A `$` as the last character is kept as it is.
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    if (next === '$') {
      out += '$';
      cursor += 1;
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        // An unclosed reference: `$(` is kept and the scan goes on after it.
        out += '$(';
        cursor += 1;
      } else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        cursor = close;
      }
    } else {
      out += `$${next}`;
      cursor += 1;
    }
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
