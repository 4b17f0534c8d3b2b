// What the verbs that write print (create, run, apply, scale): `KIND/NAME OPERATION`, or with
// `-o yaml|json|name` the object itself (genericclioptions.PrintFlags without table printers).
import { resourcePrefix, type AnyStored } from '../../engine/index.ts';
import { toJson, toYaml } from './output-formats.ts';
import { toTypedJson } from './typed-json.ts';

/** The formats PrintFlags offers these verbs, in the order its error lists them. */
const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
const PRINTED = ['', 'yaml', 'json', 'name'];

/** kubectl's error for an `-o` these verbs cannot print, or undefined. */
export function outputFormatError(format: string | undefined): string | undefined {
  if (format === undefined || PRINTED.includes(format)) return undefined;
  if (ALLOWED.split(',').some((f) => format === f || format.startsWith(`${f}=`))) return `the output format "${format}" is not simulated for this command; use -o yaml, -o json or -o name`;
  return `unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}`;
}

/**
 * One object as printed: `operation` is `created`, `configured`, `scaled`… with any dry-run
 * suffix. `typed` says the client holds a Go struct (JSON in field order), not a map (sorted).
 */
export function printObject(obj: AnyStored, format: string | undefined, operation: string, typed: boolean): string {
  if (format === 'yaml') return toYaml(obj);
  if (format === 'json') return typed ? toTypedJson(obj) : toJson(obj);
  if (format === 'name') return `${resourcePrefix(obj.kind)}/${obj.metadata.name}\n`;
  return `${resourcePrefix(obj.kind)}/${obj.metadata.name} ${operation}\n`;
}
