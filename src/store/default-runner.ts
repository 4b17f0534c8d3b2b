// Which engine runner a store uses when it is given none. The page always passes its worker
// runner; unit tests register the synchronous in-process one (src/store/test-setup.ts), and
// anything else gets the lazy in-process runner, which keeps the engine's write path off the
// first screen.
import { createLazyInlineRunner, type EngineRunner } from './engine-client.ts';

let factory: (() => EngineRunner) | undefined;

export function setDefaultEngineRunner(make: (() => EngineRunner) | undefined): void {
  factory = make;
}

export function defaultEngineRunner(): EngineRunner {
  return factory ? factory() : createLazyInlineRunner();
}
