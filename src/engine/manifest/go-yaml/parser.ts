// go-yaml v2's parser (parserc.go) as a state machine over the scanner's tokens, producing only
// what is needed to find its first error: the event kinds, and anchors and aliases, since go-yaml's
// decoder refuses an alias whose anchor was not defined before it (`unknown anchor 'x' referenced`).
import { GoYamlError, Scanner, type Mark, type Token } from './scanner.ts';

export type EventType = 'STREAM-START' | 'STREAM-END' | 'DOCUMENT-START' | 'DOCUMENT-END' | 'ALIAS' | 'SCALAR' | 'SEQUENCE-START' | 'SEQUENCE-END' | 'MAPPING-START' | 'MAPPING-END';

export interface ParseEvent {
  type: EventType;
  /** The anchor a node defines, or the one an alias names. */
  anchor?: string;
  /** Where an alias starts. */
  start?: Mark;
}

type State =
  | 'STREAM-START' | 'IMPLICIT-DOCUMENT-START' | 'DOCUMENT-START' | 'DOCUMENT-CONTENT' | 'DOCUMENT-END'
  | 'BLOCK-NODE' | 'FLOW-NODE' | 'BLOCK-SEQUENCE-FIRST-ENTRY' | 'BLOCK-SEQUENCE-ENTRY' | 'INDENTLESS-SEQUENCE-ENTRY'
  | 'BLOCK-MAPPING-FIRST-KEY' | 'BLOCK-MAPPING-KEY' | 'BLOCK-MAPPING-VALUE' | 'FLOW-SEQUENCE-FIRST-ENTRY' | 'FLOW-SEQUENCE-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY' | 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE' | 'FLOW-SEQUENCE-ENTRY-MAPPING-END'
  | 'FLOW-MAPPING-FIRST-KEY' | 'FLOW-MAPPING-KEY' | 'FLOW-MAPPING-VALUE' | 'FLOW-MAPPING-EMPTY-VALUE' | 'END';

const DEFAULT_TAG_HANDLES = ['!', '!!'];

export class Parser {
  private readonly scanner: Scanner;
  private state: State = 'STREAM-START';
  private readonly states: State[] = [];
  /** Where each open collection started, for the "while parsing a …" context of its errors. */
  private readonly marks: Mark[] = [];
  private tagHandles: string[] = [];
  /** Where an explicit `...` ended the document: go-yaml reads nothing after it. */
  explicitEnd: number | undefined;

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  next(): ParseEvent {
    switch (this.state) {
      case 'STREAM-START': {
        this.scanner.peek();
        this.state = 'IMPLICIT-DOCUMENT-START';
        this.scanner.skipToken();
        return { type: 'STREAM-START' };
      }
      case 'IMPLICIT-DOCUMENT-START':
        return this.documentStart(true);
      case 'DOCUMENT-START':
        return this.documentStart(false);
      case 'DOCUMENT-CONTENT': {
        const t = this.scanner.peek();
        if (['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END'].includes(t.type)) {
          this.state = this.states.pop()!;
          return { type: 'SCALAR' };
        }
        return this.node(true, false);
      }
      case 'DOCUMENT-END': {
        const t = this.scanner.peek();
        if (t.type === 'DOCUMENT-END') {
          this.explicitEnd = t.start.index;
          this.scanner.skipToken();
        }
        this.tagHandles = [];
        this.state = 'DOCUMENT-START';
        return { type: 'DOCUMENT-END' };
      }
      case 'BLOCK-NODE':
        return this.node(true, false);
      case 'FLOW-NODE':
        return this.node(false, false);
      case 'BLOCK-SEQUENCE-FIRST-ENTRY':
        return this.blockSequenceEntry(true);
      case 'BLOCK-SEQUENCE-ENTRY':
        return this.blockSequenceEntry(false);
      case 'INDENTLESS-SEQUENCE-ENTRY':
        return this.indentlessSequenceEntry();
      case 'BLOCK-MAPPING-FIRST-KEY':
        return this.blockMappingKey(true);
      case 'BLOCK-MAPPING-KEY':
        return this.blockMappingKey(false);
      case 'BLOCK-MAPPING-VALUE':
        return this.blockMappingValue();
      case 'FLOW-SEQUENCE-FIRST-ENTRY':
        return this.flowSequenceEntry(true);
      case 'FLOW-SEQUENCE-ENTRY':
        return this.flowSequenceEntry(false);
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY':
        return this.flowSequenceEntryMappingKey();
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE':
        return this.flowSequenceEntryMappingValue();
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-END':
        this.scanner.peek();
        this.state = 'FLOW-SEQUENCE-ENTRY';
        return { type: 'MAPPING-END' };
      case 'FLOW-MAPPING-FIRST-KEY':
        return this.flowMappingKey(true);
      case 'FLOW-MAPPING-KEY':
        return this.flowMappingKey(false);
      case 'FLOW-MAPPING-VALUE':
        return this.flowMappingValue(false);
      case 'FLOW-MAPPING-EMPTY-VALUE':
        return this.flowMappingValue(true);
      case 'END':
        return { type: 'STREAM-END' };
    }
  }

  private error(problem: string, problemMark: Mark, contextMark?: Mark): never {
    throw new GoYamlError('parser', problem, problemMark, contextMark);
  }

  private pop(): void {
    this.state = this.states.pop()!;
  }

  private documentStart(implicit: boolean): ParseEvent {
    let t = this.scanner.peek();
    if (!implicit) {
      while (t.type === 'DOCUMENT-END') {
        this.scanner.skipToken();
        t = this.scanner.peek();
      }
    }
    if (implicit && !['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'STREAM-END'].includes(t.type)) {
      this.directives();
      this.states.push('DOCUMENT-END');
      this.state = 'BLOCK-NODE';
      return { type: 'DOCUMENT-START' };
    }
    if (t.type !== 'STREAM-END') {
      this.directives();
      t = this.scanner.peek();
      if (t.type !== 'DOCUMENT-START') this.error('did not find expected <document start>', t.start);
      this.states.push('DOCUMENT-END');
      this.state = 'DOCUMENT-CONTENT';
      this.scanner.skipToken();
      return { type: 'DOCUMENT-START' };
    }
    this.state = 'END';
    this.scanner.skipToken();
    return { type: 'STREAM-END' };
  }

  private directives(): void {
    let version = false;
    const handles: string[] = [];
    let t = this.scanner.peek();
    while (t.type === 'VERSION-DIRECTIVE' || t.type === 'TAG-DIRECTIVE') {
      if (t.type === 'VERSION-DIRECTIVE') {
        if (version) this.error('found duplicate %YAML directive', t.start);
        if (t.major !== 1 || t.minor !== 1) this.error('found incompatible YAML document', t.start);
        version = true;
      } else {
        if (handles.includes(t.value!)) this.error('found duplicate %TAG directive', t.start);
        handles.push(t.value!);
      }
      this.scanner.skipToken();
      t = this.scanner.peek();
    }
    this.tagHandles = [...handles, ...DEFAULT_TAG_HANDLES.filter((h) => !handles.includes(h))];
  }

  private node(block: boolean, indentlessSequence: boolean): ParseEvent {
    let t: Token = this.scanner.peek();
    if (t.type === 'ALIAS') {
      this.pop();
      this.scanner.skipToken();
      return { type: 'ALIAS', anchor: t.value!, start: t.start };
    }
    const start = t.start;
    let anchor: string | undefined;
    let tag: Token | undefined;
    if (t.type === 'ANCHOR') {
      anchor = t.value!;
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (t.type === 'TAG') {
        tag = t;
        this.scanner.skipToken();
        t = this.scanner.peek();
      }
    } else if (t.type === 'TAG') {
      tag = t;
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (t.type === 'ANCHOR') {
        anchor = t.value!;
        this.scanner.skipToken();
        t = this.scanner.peek();
      }
    }
    if (tag && tag.value && !this.tagHandles.includes(tag.value)) {
      this.error('found undefined tag handle', tag.start, start);
    }
    const withAnchor = anchor === undefined ? {} : { anchor };
    if (indentlessSequence && t.type === 'BLOCK-ENTRY') {
      this.state = 'INDENTLESS-SEQUENCE-ENTRY';
      return { type: 'SEQUENCE-START', ...withAnchor };
    }
    switch (t.type) {
      case 'SCALAR':
        this.pop();
        this.scanner.skipToken();
        return { type: 'SCALAR', ...withAnchor };
      case 'FLOW-SEQUENCE-START':
        this.state = 'FLOW-SEQUENCE-FIRST-ENTRY';
        return { type: 'SEQUENCE-START', ...withAnchor };
      case 'FLOW-MAPPING-START':
        this.state = 'FLOW-MAPPING-FIRST-KEY';
        return { type: 'MAPPING-START', ...withAnchor };
      default:
        break;
    }
    if (block && t.type === 'BLOCK-SEQUENCE-START') {
      this.state = 'BLOCK-SEQUENCE-FIRST-ENTRY';
      return { type: 'SEQUENCE-START', ...withAnchor };
    }
    if (block && t.type === 'BLOCK-MAPPING-START') {
      this.state = 'BLOCK-MAPPING-FIRST-KEY';
      return { type: 'MAPPING-START', ...withAnchor };
    }
    if (anchor !== undefined || tag) {
      this.pop();
      return { type: 'SCALAR', ...withAnchor };
    }
    return this.error('did not find expected node content', t.start, start);
  }

  /** Opens a collection: its first token is remembered as the context of later errors. */
  private first(): void {
    this.marks.push(this.scanner.peek().start);
    this.scanner.skipToken();
  }

  private close(type: EventType): ParseEvent {
    this.pop();
    this.marks.pop();
    this.scanner.skipToken();
    return { type };
  }

  private blockSequenceEntry(first: boolean): ParseEvent {
    if (first) this.first();
    let t = this.scanner.peek();
    if (t.type === 'BLOCK-ENTRY') {
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-SEQUENCE-ENTRY');
        return this.node(true, false);
      }
      this.state = 'BLOCK-SEQUENCE-ENTRY';
      return { type: 'SCALAR' };
    }
    if (t.type === 'BLOCK-END') return this.close('SEQUENCE-END');
    return this.error("did not find expected '-' indicator", t.start, this.marks.pop());
  }

  private indentlessSequenceEntry(): ParseEvent {
    let t = this.scanner.peek();
    if (t.type === 'BLOCK-ENTRY') {
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (!['BLOCK-ENTRY', 'KEY', 'VALUE', 'BLOCK-END'].includes(t.type)) {
        this.states.push('INDENTLESS-SEQUENCE-ENTRY');
        return this.node(true, false);
      }
      this.state = 'INDENTLESS-SEQUENCE-ENTRY';
      return { type: 'SCALAR' };
    }
    this.pop();
    return { type: 'SEQUENCE-END' };
  }

  private blockMappingKey(first: boolean): ParseEvent {
    if (first) this.first();
    let t = this.scanner.peek();
    if (t.type === 'KEY') {
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-MAPPING-VALUE');
        return this.node(true, true);
      }
      this.state = 'BLOCK-MAPPING-VALUE';
      return { type: 'SCALAR' };
    }
    if (t.type === 'BLOCK-END') return this.close('MAPPING-END');
    return this.error('did not find expected key', t.start, this.marks.pop());
  }

  private blockMappingValue(): ParseEvent {
    let t = this.scanner.peek();
    if (t.type === 'VALUE') {
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-MAPPING-KEY');
        return this.node(true, true);
      }
    }
    this.state = 'BLOCK-MAPPING-KEY';
    return { type: 'SCALAR' };
  }

  private flowSequenceEntry(first: boolean): ParseEvent {
    if (first) this.first();
    let t = this.scanner.peek();
    if (t.type !== 'FLOW-SEQUENCE-END') {
      if (!first) {
        if (t.type !== 'FLOW-ENTRY') return this.error("did not find expected ',' or ']'", t.start, this.marks.pop());
        this.scanner.skipToken();
        t = this.scanner.peek();
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY';
        this.scanner.skipToken();
        return { type: 'MAPPING-START' };
      }
      if (t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW-SEQUENCE-ENTRY');
        return this.node(false, false);
      }
    }
    return this.close('SEQUENCE-END');
  }

  private flowSequenceEntryMappingKey(): ParseEvent {
    const t = this.scanner.peek();
    if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
      this.states.push('FLOW-SEQUENCE-ENTRY-MAPPING-VALUE');
      return this.node(false, false);
    }
    this.scanner.skipToken();
    this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE';
    return { type: 'SCALAR' };
  }

  private flowSequenceEntryMappingValue(): ParseEvent {
    const t = this.scanner.peek();
    if (t.type === 'VALUE') {
      this.scanner.skipToken();
      const u = this.scanner.peek();
      if (u.type !== 'FLOW-ENTRY' && u.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW-SEQUENCE-ENTRY-MAPPING-END');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-END';
    return { type: 'SCALAR' };
  }

  private flowMappingKey(first: boolean): ParseEvent {
    if (first) this.first();
    let t = this.scanner.peek();
    if (t.type !== 'FLOW-MAPPING-END') {
      if (!first) {
        if (t.type !== 'FLOW-ENTRY') return this.error("did not find expected ',' or '}'", t.start, this.marks.pop());
        this.scanner.skipToken();
        t = this.scanner.peek();
      }
      if (t.type === 'KEY') {
        this.scanner.skipToken();
        t = this.scanner.peek();
        if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
          this.states.push('FLOW-MAPPING-VALUE');
          return this.node(false, false);
        }
        this.state = 'FLOW-MAPPING-VALUE';
        return { type: 'SCALAR' };
      }
      if (t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW-MAPPING-EMPTY-VALUE');
        return this.node(false, false);
      }
    }
    return this.close('MAPPING-END');
  }

  private flowMappingValue(empty: boolean): ParseEvent {
    let t = this.scanner.peek();
    if (empty) {
      this.state = 'FLOW-MAPPING-KEY';
      return { type: 'SCALAR' };
    }
    if (t.type === 'VALUE') {
      this.scanner.skipToken();
      t = this.scanner.peek();
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW-MAPPING-KEY');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW-MAPPING-KEY';
    return { type: 'SCALAR' };
  }
}
