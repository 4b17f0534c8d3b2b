// client-go's util/jsonpath for kubectl's printers: `-o jsonpath`, custom columns and `--sort-by`.
export { JsonPath, JsonPathRuntimeError, printResults, type JsonPathOptions } from './evaluate.ts';
export { JsonPathSyntaxError, parseJsonPath } from './parser.ts';
export { goJson, goSharpV, goSprint, kindOf, type GoValue } from './go-values.ts';
