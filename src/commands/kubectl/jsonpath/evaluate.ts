// Runs a parsed template over a value the way client-go's JSONPath.FindResults and PrintResults
// do: every top-level node is evaluated from the root, `{range}` repeats the nodes after it for
// each result until the matching `{end}`, and each node's results print as text (strings raw,
// numbers and booleans as Go prints them, maps and lists as compact JSON) joined by spaces.
import { compare } from './compare.ts';
import { GoByte, GoFloat, goJson, goSprint, goFloat, goTypeName, kindOf, mapKeys, type GoValue } from './go-values.ts';
import { parseJsonPath, type JsonPathNode, type ListNode, type SliceParam } from './parser.ts';

/**
 * A template that failed on this data; `message` is client-go's error text. `partial` is what the
 * failing step returned beside its error, which an existence filter (`[?(@.x)]`) still looks at.
 */
export class JsonPathRuntimeError extends Error {
  constructor(
    message: string,
    readonly partial: readonly GoValue[] = [],
  ) {
    super(message);
  }
}

const fail = (message: string, partial: readonly GoValue[] = []): never => {
  throw new JsonPathRuntimeError(message, partial);
};

type Obj = { readonly [key: string]: GoValue };

export interface JsonPathOptions {
  /** `--allow-missing-template-keys` (kubectl's default is true): a missing key is no result, not an error. */
  allowMissingKeys?: boolean;
}

export class JsonPath {
  private readonly nodes: readonly JsonPathNode[];
  private readonly allowMissingKeys: boolean;
  // The range bookkeeping of client-go's JSONPath, which FindResults shares across its recursion.
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  /** Throws JsonPathSyntaxError for a template client-go's parser refuses. */
  constructor(template: string, options: JsonPathOptions = {}) {
    this.nodes = parseJsonPath(template).nodes;
    this.allowMissingKeys = options.allowMissingKeys ?? true;
  }

  /** The results of each top-level node (a range contributes one group per node per item). Throws JsonPathRuntimeError. */
  findResults(data: GoValue): GoValue[][] {
    this.beginRange = this.inRange = this.endRange = 0;
    this.lastEndNode = -1;
    return this.find(data, 0);
  }

  /** What `kubectl … -o jsonpath=` writes (no newline is added). Throws JsonPathRuntimeError. */
  execute(data: GoValue, outputJson = false): string {
    return this.findResults(data)
      .map((group) => printResults(group, outputJson))
      .join('');
  }

  private find(data: GoValue, from: number): GoValue[][] {
    const cur = [data];
    const full: GoValue[][] = [];
    for (let i = from; i < this.nodes.length; i++) {
      const results = this.walk(cur, this.nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) for (const group of this.find(value, i + 1)) full.push(group);
        } else {
          // An empty range still walks its body, to find where it ends.
          this.find(undefined, i + 1);
        }
        this.inRange--;
        // Resume after the `{end}` met last, when it lies ahead (client-go compares node addresses).
        if (this.lastEndNode > i) i = this.lastEndNode;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: GoValue[], node: JsonPathNode): GoValue[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: GoValue[], list: ListNode): GoValue[] {
    let cur = input;
    for (const node of list.nodes) cur = this.walk(cur, node);
    return cur;
  }

  private evalIdentifier(input: GoValue[], name: string): GoValue[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      return fail('not in range, nothing to end');
    }
    return fail(`unrecognized identifier ${name}`, input);
  }

  private evalField(input: GoValue[], name: string): GoValue[] {
    const results: GoValue[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (kindOf(value) !== 'map') continue;
      const m = value as Obj;
      if (Object.prototype.hasOwnProperty.call(m, name)) results.push(m[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`);
    return results;
  }

  private evalFilter(input: GoValue[], node: { left: ListNode; right: ListNode; operator: string }): GoValue[] {
    const results: GoValue[] = [];
    for (const value of input) {
      if (kindOf(value) !== 'slice') fail(`${goSprint(value)} is not array or slice and cannot be filtered`, input);
      for (const item of value as readonly GoValue[]) {
        let lefts: readonly GoValue[];
        try {
          lefts = this.evalList([item], node.left);
        } catch (err) {
          // An existence test ignores the error and looks at what the failing step returned.
          if (node.operator !== 'exists' || !(err instanceof JsonPathRuntimeError)) throw err;
          lefts = err.partial;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail('can only compare one element at a time', input);
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) fail('can only compare one element at a time', input);
        const pass = compare(node.operator, lefts[0], rights[0]);
        if (typeof pass === 'string') fail(pass, results);
        if (pass === true) results.push(item);
      }
    }
    return results;
  }
}

/** `[a:b:c]`, with client-go's bounds rules and messages. */
function evalArray(input: GoValue[], node: readonly [SliceParam, SliceParam, SliceParam]): GoValue[] {
  const result: GoValue[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    if (kindOf(value) !== 'slice') fail(`${goTypeName(value)} is not array or slice`, input);
    const list = value as readonly GoValue[];
    const [p0, p1, p2] = node.map((p) => ({ ...p }));
    const length = list.length;
    if (!p0!.known) p0!.value = 0;
    if (p0!.value < 0) p0!.value += length;
    if (!p1!.known) p1!.value = length;
    if (p1!.value < 0 || (p1!.value === 0 && p1!.derived)) p1!.value += length;
    if (p1!.value === p0!.value) return result; // asking for no elements is allowed, and stops here
    if (p0!.value >= length || p0!.value < 0) fail(`array index out of bounds: index ${p0!.value}, length ${length}`, input);
    if (p1!.value > length || p1!.value < 0) fail(`array index out of bounds: index ${p1!.value - 1}, length ${length}`, input);
    if (p0!.value > p1!.value) fail(`starting index ${p0!.value} is greater than ending index ${p1!.value}`, input);
    let step = 1;
    if (p2!.known) {
      if (p2!.value <= 0) fail('step must be > 0', input);
      step = p2!.value;
    }
    for (let i = p0!.value; i < p1!.value; i += step) result.push(list[i]);
  }
  return result;
}

const UTF8 = new TextEncoder();

/** What `.*` takes out of a value: a map's values, a list's items, a string's bytes. */
function children(value: GoValue): GoValue[] {
  switch (kindOf(value)) {
    case 'map': {
      const m = value as Obj;
      return mapKeys(m).map((k) => m[k]);
    }
    case 'slice':
      return [...(value as readonly GoValue[])];
    case 'string':
      return Array.from(UTF8.encode(value as string), (b) => new GoByte(b));
    default:
      return [];
  }
}

/** `..`: every value that has children, then its descendants, depth first. */
function evalRecursive(input: GoValue[], result: GoValue[] = []): GoValue[] {
  // One shared array: a large list yields more values than a spread may pass as arguments.
  for (const value of input) {
    const kids = children(value);
    if (kids.length === 0) continue;
    result.push(value);
    evalRecursive(kids, result);
  }
  return result;
}

/** One node's results: JSON for maps and lists, Go's text for the rest, separated by spaces. */
export function printResults(results: readonly GoValue[], outputJson: boolean): string {
  if (outputJson) return goJson(results, true) + '\n';
  return results.map(toText).join(' ');
}

function toText(v: GoValue): string {
  switch (kindOf(v)) {
    case 'map':
    case 'slice':
      return goJson(v);
    case 'invalid':
      return '<no value>';
    case 'nil':
      return 'null';
    case 'float':
      return goFloat(v instanceof GoFloat ? v.value : (v as number));
    default:
      return goSprint(v);
  }
}
