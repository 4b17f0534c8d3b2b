#!/usr/bin/env node
// kubesim runs the TypeScript engine directly through tsx, so `npm ci` is all the set-up it needs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/kubesim.ts');
