// The Node entry point (bin/kubesim.mjs loads this through tsx).
import { main } from './main.ts';

try {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
} catch (err) {
  // A bug of ours: one line, never a stack trace, and a failure status.
  process.stderr.write(`error: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
