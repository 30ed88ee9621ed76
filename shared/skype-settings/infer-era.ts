// Which reference revision a file most likely follows, judged by its element names and values.
import type { ElementRow, Revision } from './elements.ts';
import { REVISIONS } from './elements.ts';
import { childByName } from './schema.ts';
import { checkValue } from './validate.ts';
import { readBoolean, readNumber } from './values.ts';
import { children, elementText, isMarkup, nodeName, type XmlNode } from './xml-tree.ts';

/** Whether a leaf's text gives a valid value in `revision` (used to tell eras apart by their value lists). */
function readsCleanly(row: ElementRow, nodes: XmlNode[], revision: Revision): boolean {
  const content = elementText(nodes);
  if (!('text' in content)) return false;
  const reading =
    row.kind === 'boolean' ? readBoolean(content.text) : row.kind === 'number' ? readNumber(content.text, row, revision) : { ok: true as const, value: content.text };
  return reading.ok && checkValue(row, reading.value, revision, false).every((finding) => finding.severity !== 'error');
}

/**
 * The revision whose reference documents the most of the file's elements; then the one whose value
 * lists accept the most of its values (a scaling of 400 exists only in 4.9); then the newest.
 */
export function inferRevision(root: XmlNode[]): Revision {
  const undocumented: Record<Revision, number> = { R1: 0, R2: 0, R3: 0 };
  const unreadable: Record<Revision, number> = { R1: 0, R2: 0, R3: 0 };
  const visit = (parentKey: string | undefined, nodes: XmlNode[]) => {
    for (const node of nodes) {
      const name = nodeName(node);
      const match = name.startsWith('#') || isMarkup(name) ? undefined : childByName(parentKey, name);
      if (!match) continue;
      for (const revision of REVISIONS) {
        if (!match.spelledIn.includes(revision)) undocumented[revision]++;
        else if (match.row.kind !== 'container' && !readsCleanly(match.row, children(node, name), revision)) unreadable[revision]++;
      }
      if (match.row.kind === 'container') visit(match.row.key, children(node, name));
    }
  };
  visit(undefined, root);
  const better = (a: Revision, b: Revision) => undocumented[a] - undocumented[b] || unreadable[a] - unreadable[b];
  return [...REVISIONS].reverse().reduce((best, revision) => (better(revision, best) < 0 ? revision : best));
}
