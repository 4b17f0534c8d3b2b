import { describe, expect, it } from 'vitest';
import { expandKubeletVars } from './kubelet-expansion.ts';

const vars: Record<string, string> = { GREETING: 'hello', EMPTY: '', NAME: 'world' };
const expand = (s: string) => expandKubeletVars(s, (n) => (Object.hasOwn(vars, n) ? vars[n] : undefined));

describe("the kubelet's $(VAR) expansion", () => {
  it.each([
    ['$(GREETING) $(NAME)', 'hello world'],
    ['$(GREETING)$(NAME)!', 'helloworld!'],
    ['[$(EMPTY)]', '[]'],
    // Not defined: left as written, for the shell (or nobody) to see.
    ['$(HOSTNAME)', '$(HOSTNAME)'],
    // `$$` escapes; what follows is not a reference.
    ['$$(GREETING)', '$(GREETING)'],
    ['$$$(GREETING)', '$hello'],
    ['cost: 5$', 'cost: 5$'],
    // A shell variable is not the kubelet's business.
    ['echo $HOME ${NAME}', 'echo $HOME ${NAME}'],
    // An unclosed reference is kept.
    ['$(GREETING', '$(GREETING'],
    ['$( $(NAME)', '$( $(NAME)'], // the name runs to the first ')': " $(NAME" is not defined
    ['$()', '$()'],
  ])('%s → %s', (input, expected) => {
    expect(expand(input)).toBe(expected);
  });
});
