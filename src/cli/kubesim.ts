// The Node entry point (bin/kubesim.mjs loads this through tsx).
import { main } from './main.ts';

process.exitCode = main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
