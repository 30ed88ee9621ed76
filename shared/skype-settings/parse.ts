// SkypeSettings.xml -> model, with every problem the console would trip over, by element path.
// Never throws: any input string gives a result.
import { XMLValidator } from 'fast-xml-parser';
import { CONSOLE_ERAS, type ConsoleEra } from '../console-era.ts';
import type { ElementKey, ElementRow, Revision, SkypeSettings } from './elements.ts';
import { inferRevision } from './infer-era.ts';
import type { ProblemCode, ProblemSeverity, SkypeSettingsProblem } from './problems.ts';
import { quoteValue } from './problems.ts';
import {
  attributeByName,
  childByName,
  documents,
  eraLabel,
  eraOfRevision,
  orderRank,
  revisionOfEra,
  ROOT_ELEMENT,
  rowOf,
  spellingHints,
  xmlName,
  xmlPath,
} from './schema.ts';
import { redact, secretSpans } from './secrets.ts';
import { checkRules, checkValue, type Finding } from './validate.ts';
import { codePointLabel, decodeReferences, expectedText, firstNonXmlCharacter, LineIndex, readBoolean, readNumber } from './values.ts';
import { ATTRIBUTE_PREFIX, children, elementText, isMarkup, nodeName, parser, startOffset, type XmlNode } from './xml-tree.ts';

export interface ParseSkypeSettingsOptions {
  /** The console era the file is meant for; inferred from the elements when absent. */
  era?: ConsoleEra;
}

export interface SkypeSettingsParseResult {
  /** What the file sets (values the console could not read are left out). */
  settings: SkypeSettings;
  /** In file order. */
  problems: SkypeSettingsProblem[];
  /** The era the file was checked against: the one given, or the most likely one. Absent when the file has no usable root. */
  era?: ConsoleEra;
  eraInferred: boolean;
}

class Reader {
  readonly settings: Record<string, unknown> = {};
  readonly problems: SkypeSettingsProblem[] = [];
  /** Where each setting was read (last occurrence): its path as spelled in the file, and offset. */
  private readonly locations = new Map<string, { path: string; offset?: number }>();
  private readonly firstSeen = new Map<string, number | undefined>();
  private readonly unknown = new Map<string, { problem: SkypeSettingsProblem; count: number; base: string }>();
  private readonly hints = spellingHints();

  constructor(
    private readonly revision: Revision,
    private readonly lines: LineIndex,
  ) {}

  report(severity: ProblemSeverity, code: ProblemCode, path: string, message: string, offset?: number): SkypeSettingsProblem {
    const problem: SkypeSettingsProblem = { severity, code, path, message };
    if (offset !== undefined) Object.assign(problem, this.lines.position(offset));
    this.problems.push(problem);
    return problem;
  }

  reportFinding(finding: Finding): void {
    let location = this.locations.get(finding.key);
    if (!location) {
      // A missing element: point at the nearest container the file has.
      for (let parent = rowOf(finding.key).parent; parent && !location; parent = rowOf(parent)?.parent) {
        const container = this.locations.get(parent);
        if (container) location = { path: xmlPath(finding.key, this.revision), offset: container.offset };
      }
    }
    this.report(finding.severity, finding.code, location?.path ?? xmlPath(finding.key, this.revision), finding.message, location?.offset);
  }

  readContainer(parentKey: string | undefined, path: string, nodes: XmlNode[], containerOffset: number | undefined, insideUndocumented: boolean): void {
    let highestRank = -1;
    let highestName = '';
    let reportedText = false;
    for (const node of nodes) {
      const name = nodeName(node);
      const offset = startOffset(node);
      if (name === '#text' || name === '#cdata') {
        const content = elementText([node]);
        if (!reportedText && (!('text' in content) || content.text.trim() !== '')) {
          this.report('error', 'text-outside-elements', path, 'holds text between its elements; it expects only child elements', containerOffset);
          reportedText = true;
        }
        continue;
      }
      if (isMarkup(name)) continue;
      const childPath = `${path}/${name}`;
      const match = childByName(parentKey, name);
      if (!match) {
        this.unknownElement(childPath, name, offset);
        continue;
      }
      const { row, spelledIn } = match;
      const undocumented = !documents(row, this.revision);
      if (undocumented && !insideUndocumented) {
        const where = row.revisions.map((revision) => eraLabel(eraOfRevision(revision))).join('; ');
        this.report('warning', 'not-in-era', childPath, `is not documented for ${eraLabel(eraOfRevision(this.revision))} (documented for ${where}); the console may ignore it`, offset);
      } else if (!undocumented && !spelledIn.includes(this.revision)) {
        const expected = xmlName(row, this.revision);
        const eras = spelledIn.map((revision) => eraLabel(eraOfRevision(revision))).join('; ');
        this.report('warning', 'other-era-spelling', childPath, `is spelled as for ${eras}; the reference for ${eraLabel(eraOfRevision(this.revision))} spells it ${expected}, and XML names are case-sensitive, so the console may ignore it`, offset);
      }

      const rank = orderRank(row, this.revision);
      if (rank !== undefined) {
        if (rank < highestRank) {
          this.report('error', 'out-of-order', childPath, `is out of the documented order: it belongs before ${highestName}. The console stops applying settings here, so this element and everything after it are ignored`, offset);
        } else {
          highestRank = rank;
          highestName = name;
        }
      }

      if (this.firstSeen.has(row.key)) {
        const first = this.firstSeen.get(row.key);
        const firstLine = first === undefined ? '' : ` (first on line ${this.lines.position(first).line})`;
        this.report('warning', 'duplicate', childPath, `appears more than once${firstLine}; the reference documents it once. RoomReady reads the last one; the console's choice is not documented`, offset);
      } else {
        this.firstSeen.set(row.key, offset);
      }
      this.locations.set(row.key, { path: childPath, offset });

      this.readAttributes(row, node, childPath, offset);
      if (row.kind === 'container') this.readContainer(row.key, childPath, children(node, name), offset, insideUndocumented || undocumented);
      else this.readValue(row, children(node, name), childPath, offset);
    }
  }

  private unknownElement(path: string, name: string, offset: number | undefined): void {
    const seen = this.unknown.get(path);
    if (seen) {
      seen.count++;
      seen.problem.message = `${seen.base} (${seen.count} times)`;
      return;
    }
    const suggestions = (this.hints.get(name.toLowerCase()) ?? []).filter((candidate) => candidate !== path);
    const hint =
      suggestions.length === 0
        ? ''
        : suggestions.some((candidate) => candidate.endsWith(`/${name}`))
          ? ` It belongs at ${suggestions.join(' or ')}.`
          : ` Element names are case-sensitive: did you mean ${suggestions.join(' or ')}?`;
    const base = `is not a documented element; the console ignores it.${hint}`;
    const problem = this.report('warning', 'unknown-element', path, base, offset);
    this.unknown.set(path, { problem, count: 1, base });
  }

  private readAttributes(row: ElementRow, node: XmlNode, path: string, offset: number | undefined): void {
    const attributes = (node[':@'] ?? {}) as Record<string, unknown>;
    for (const [prefixed, rawValue] of Object.entries(attributes)) {
      const name = prefixed.slice(ATTRIBUTE_PREFIX.length);
      const attributePath = `${path}/@${name}`;
      const attribute = attributeByName(row.key, name);
      if (!attribute) {
        this.report('warning', 'unknown-attribute', attributePath, 'is not a documented attribute; the console ignores it', offset);
        continue;
      }
      this.locations.set(attribute.key, { path: attributePath, offset });
      const decoded = decodeReferences(String(rawValue));
      if (!decoded.ok) {
        this.report('error', 'not-well-formed', attributePath, `uses ${decoded.reference}, which is not defined (only &amp; &lt; &gt; &quot; &apos; and character references are)`, offset);
        continue;
      }
      this.store(attribute, readBoolean(decoded.text), decoded.text, attributePath, offset);
    }
  }

  private readValue(row: ElementRow, nodes: XmlNode[], path: string, offset: number | undefined): void {
    const content = elementText(nodes);
    if ('childElement' in content) {
      this.report('error', 'wrong-type', path, `holds the element <${content.childElement}>; it expects ${expectedText(row, this.revision)}`, offset);
      return;
    }
    if ('undefinedReference' in content) {
      // The reference could be part of a password, so a secret element's is not named.
      const reference = row.secret ? 'an entity' : content.undefinedReference;
      this.report('error', 'not-well-formed', path, `uses ${reference}, which is not defined (only &amp; &lt; &gt; &quot; &apos; and character references are)`, offset);
      return;
    }
    const text = content.text;
    if (row.kind === 'boolean') this.store(row, readBoolean(text), text, path, offset);
    else if (row.kind === 'number') this.store(row, readNumber(text, row, this.revision), text, path, offset);
    else this.store(row, { ok: true, value: text }, text, path, offset);
  }

  private store(
    row: ElementRow,
    reading: { ok: true; value: boolean | number | string } | { ok: false; reason: 'empty' | 'wrong-type' },
    text: string,
    path: string,
    offset: number | undefined,
  ): void {
    if (!reading.ok) {
      if (reading.reason === 'empty') {
        this.report('error', 'empty-value', path, `is empty; it expects ${expectedText(row, this.revision)}, and an empty boolean or number can make the whole file malformed`, offset);
      } else {
        this.report('error', 'wrong-type', path, `holds ${quoteValue(row, text)}; it expects ${expectedText(row, this.revision)}`, offset);
      }
      // The console keeps what it applied before the bad value, so an earlier duplicate stays.
      return;
    }
    this.settings[row.key] = reading.value;
    for (const finding of checkValue(row, reading.value, this.revision, false)) {
      this.report(finding.severity, finding.code, path, finding.message, offset);
    }
  }
}

function rootProblem(code: ProblemCode, path: string, message: string, position?: { line: number; column?: number }): SkypeSettingsProblem {
  return { severity: 'error', code, path, message, ...position };
}

function read(input: string, options: ParseSkypeSettingsOptions): SkypeSettingsParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const spans = secretSpans(text);
  const secrets = spans.flatMap((span) => span.values);
  const failed = (problem: SkypeSettingsProblem): SkypeSettingsParseResult => ({
    settings: {},
    problems: [{ ...problem, message: redact(problem.message, secrets) }],
    ...(options.era ? { era: options.era } : {}),
    eraInferred: false,
  });

  if (text.trim() === '') {
    return failed(rootProblem('not-well-formed', ROOT_ELEMENT, 'the file is empty: it needs a <SkypeSettings> root element'));
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    const offset = lines.offset(line, col ?? 1);
    const insidePassword = spans.some((span) => offset >= span.start && offset <= span.end);
    const detail = insidePassword ? 'the error is inside the Password element (details not shown)' : msg;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    return failed(rootProblem('not-well-formed', ROOT_ELEMENT, `is not well-formed XML (${where}): ${detail}. The console applies nothing after this point`, { line, ...(col === undefined ? {} : { column: col }) }));
  }
  const badChar = firstNonXmlCharacter(text);
  if (badChar >= 0) {
    const position = lines.position(badChar);
    return failed(rootProblem('not-well-formed', ROOT_ELEMENT, `contains ${codePointLabel(String.fromCodePoint(text.codePointAt(badChar)!))} at line ${position.line}, column ${position.column}, which XML does not allow`, position));
  }

  const documentNodes = parser.parse(text) as XmlNode[];
  const roots = documentNodes.filter((node) => {
    const name = nodeName(node);
    return !name.startsWith('#') && !isMarkup(name);
  });
  if (roots.length !== 1) {
    const second = roots[1];
    const position = second && startOffset(second) !== undefined ? lines.position(startOffset(second)!) : undefined;
    return failed(rootProblem('not-well-formed', ROOT_ELEMENT, `has ${roots.length} root elements; XML allows exactly one, <SkypeSettings>`, position));
  }
  const root = roots[0]!;
  const rootName = nodeName(root);
  const rootPosition = startOffset(root) === undefined ? undefined : lines.position(startOffset(root)!);
  if (rootName !== ROOT_ELEMENT) {
    const hint = rootName.toLowerCase() === ROOT_ELEMENT.toLowerCase() ? ' (names are case-sensitive)' : '';
    return failed(rootProblem('wrong-root', rootName, `is the root element; the console reads only a file whose root is <SkypeSettings>${hint}`, rootPosition));
  }

  const rootChildren = children(root, rootName);
  const revision = options.era ? revisionOfEra(options.era) : inferRevision(rootChildren);
  const reader = new Reader(revision, lines);
  if (/<!DOCTYPE/i.test(text.slice(0, startOffset(root) ?? text.length))) {
    reader.report('warning', 'doctype', ROOT_ELEMENT, 'the file has a DOCTYPE, which the reference never uses; RoomReady expands no entity it defines, and the console may refuse it', 0);
  }
  const rootAttributes = Object.keys((root[':@'] ?? {}) as object);
  for (const attribute of rootAttributes) {
    reader.report('warning', 'unknown-attribute', `${ROOT_ELEMENT}/@${attribute.slice(ATTRIBUTE_PREFIX.length)}`, 'is not a documented attribute; the console ignores it (a namespace would hide every element from it)', startOffset(root));
  }
  reader.readContainer(undefined, ROOT_ELEMENT, rootChildren, startOffset(root), false);

  const settings = reader.settings as SkypeSettings;
  for (const finding of checkRules(settings, revision)) reader.reportFinding(finding);
  if (settings['userAccount.password'] !== undefined) {
    reader.reportFinding({
      severity: 'warning',
      code: 'plain-text-password',
      key: 'userAccount.password' satisfies ElementKey,
      message: 'holds the account password in plain text: anyone who can read the file can read it. The console deletes the file after reading it; deliver it over a protected channel and keep no copies',
    });
  }

  const problems = reader.problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index)
    .map(({ problem }) => ({ ...problem, message: redact(problem.message, secrets) }));
  return { settings, problems, era: options.era ?? eraOfRevision(revision), eraInferred: !options.era };
}

/** Reads SkypeSettings.xml text. Never throws: a broken file gives problems, not exceptions. */
export function parseSkypeSettingsXml(xml: string, options: ParseSkypeSettingsOptions = {}): SkypeSettingsParseResult {
  // An era this version does not know is treated as absent: the file's elements decide.
  const era = options?.era !== undefined && (CONSOLE_ERAS as readonly string[]).includes(options.era) ? options.era : undefined;
  try {
    return read(typeof xml === 'string' ? xml : String(xml), era ? { era } : {});
  } catch (caught) {
    const reason = caught instanceof Error && caught.message.length < 200 ? `: ${caught.message}` : '';
    const secrets = typeof xml === 'string' ? secretSpans(xml).flatMap((span) => span.values) : [];
    return {
      settings: {},
      problems: [rootProblem('not-well-formed', ROOT_ELEMENT, redact(`could not be read as XML${reason}`, secrets))],
      ...(era ? { era } : {}),
      eraInferred: false,
    };
  }
}
