// Vitest setup: stores made in unit tests run the engine in-process and answer editor actions
// synchronously, as the tests expect (the page runs it in a worker).
import { setDefaultEngineRunner } from './default-runner.ts';
import { createInlineRunner } from './engine-inline.ts';

setDefaultEngineRunner(() => createInlineRunner());
