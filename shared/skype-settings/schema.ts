// Lookups derived from the element table: spellings, parents, documented order, XML paths.
import { CONSOLE_ERA_INFO, CONSOLE_ERAS, type ConsoleEra } from '../console-era.ts';
import { REVISIONS, SKYPE_SETTINGS_ELEMENTS, type ElementKey, type ElementRow, type Revision, type SettingKey } from './elements.ts';

export const ROOT_ELEMENT = 'SkypeSettings';
export const ELEMENT_ROWS: readonly ElementRow[] = SKYPE_SETTINGS_ELEMENTS;

const rowsByKey = new Map<string, ElementRow>(ELEMENT_ROWS.map((row) => [row.key, row]));

export function revisionOfEra(era: ConsoleEra): Revision {
  return CONSOLE_ERA_INFO[era].revision;
}

export function eraOfRevision(revision: Revision): ConsoleEra {
  return CONSOLE_ERAS.find((era) => CONSOLE_ERA_INFO[era].revision === revision)!;
}

export function eraLabel(era: ConsoleEra): string {
  return CONSOLE_ERA_INFO[era].label;
}

export function rowOf(key: ElementKey): ElementRow;
export function rowOf(key: string): ElementRow | undefined;
export function rowOf(key: string): ElementRow | undefined {
  return rowsByKey.get(key);
}

export function isSettingKey(key: string): key is SettingKey {
  const row = rowsByKey.get(key);
  return row !== undefined && row.kind !== 'container';
}

export function documents(row: ElementRow, revision: Revision): boolean {
  return row.revisions.includes(revision);
}

/** The newest revision that documents the row: where its spelling and values are taken from when `revision` does not document it. */
function nearestRevision(row: ElementRow, revision: Revision): Revision {
  if (documents(row, revision)) return revision;
  return row.revisions[row.revisions.length - 1]!;
}

/** The element's name as `revision` spells it (or as the nearest documenting revision does). */
export function xmlName(row: ElementRow, revision: Revision): string {
  return row.spellings?.[nearestRevision(row, revision)] ?? row.name;
}

/** The revisions that spell the row `name` (exact, case-sensitive). */
export function revisionsSpelling(row: ElementRow, name: string): Revision[] {
  return row.revisions.filter((revision) => xmlName(row, revision) === name);
}

export function allowedValues(row: ElementRow, revision: Revision) {
  return row.allowed?.[nearestRevision(row, revision)];
}

const childCache = new Map<string, ElementRow[]>();

/** Child elements (not attributes) of a container, in documented order; `undefined` = the root. */
export function childElements(parent: string | undefined, revision?: Revision): ElementRow[] {
  const cacheKey = `${parent ?? ''}|${revision ?? ''}`;
  let rows = childCache.get(cacheKey);
  if (!rows) {
    rows = ELEMENT_ROWS.filter(
      (row) => row.parent === parent && row.kind !== 'attribute' && (revision === undefined || documents(row, revision)),
    );
    childCache.set(cacheKey, rows);
  }
  return rows;
}

export function attributesOf(elementKey: string, revision?: Revision): ElementRow[] {
  return ELEMENT_ROWS.filter(
    (row) => row.parent === elementKey && row.kind === 'attribute' && (revision === undefined || documents(row, revision)),
  );
}

/**
 * Position of an element among its documented siblings in `revision`; an element may follow any
 * element of lower or equal rank. Elements whose relative order the revision leaves open share the
 * rank of the first of them. undefined when the revision does not document the element.
 */
export function orderRank(row: ElementRow, revision: Revision): number | undefined {
  if (!documents(row, revision)) return undefined;
  const siblings = childElements(row.parent, revision);
  const index = siblings.indexOf(row);
  if (!row.looseOrder?.includes(revision)) return index;
  const firstLoose = siblings.findIndex((sibling) => sibling.looseOrder?.includes(revision));
  return firstLoose;
}

export interface NameMatch {
  row: ElementRow;
  /** Revisions that spell it exactly this way. */
  spelledIn: Revision[];
}

const nameCache = new Map<string, Map<string, NameMatch>>();

/** The row a child element called `name` of `parent` stands for, in any revision's spelling. */
export function childByName(parent: string | undefined, name: string): NameMatch | undefined {
  let byName = nameCache.get(parent ?? '');
  if (!byName) {
    byName = new Map();
    for (const row of childElements(parent)) {
      for (const revision of row.revisions) {
        const spelling = xmlName(row, revision);
        byName.set(spelling, { row, spelledIn: revisionsSpelling(row, spelling) });
      }
    }
    nameCache.set(parent ?? '', byName);
  }
  return byName.get(name);
}

export function attributeByName(elementKey: string, name: string): ElementRow | undefined {
  return attributesOf(elementKey).find((row) => row.name === name);
}

/** "SkypeSettings/UserAccount/ModernAuthEnabled", or ".../CoordinatedMeetings/@enabled" for an attribute. */
export function xmlPath(key: ElementKey, revision: Revision): string {
  const parts: string[] = [];
  for (let row: ElementRow | undefined = rowOf(key); row; row = row.parent ? rowOf(row.parent) : undefined) {
    parts.unshift(row.kind === 'attribute' ? `@${row.name}` : xmlName(row, revision));
  }
  return [ROOT_ELEMENT, ...parts].join('/');
}

let hintCache: Map<string, string[]> | undefined;

/** Every spelling of every element, for "did you mean" hints: lower-cased name -> paths. */
export function spellingHints(): Map<string, string[]> {
  if (hintCache) return hintCache;
  const hints = new Map<string, string[]>();
  hintCache = hints;
  for (const row of ELEMENT_ROWS) {
    if (row.kind === 'attribute') continue;
    for (const revision of REVISIONS) {
      if (!documents(row, revision)) continue;
      const path = xmlPath(row.key as ElementKey, revision);
      const lower = xmlName(row, revision).toLowerCase();
      const list = hints.get(lower) ?? [];
      if (!list.includes(path)) list.push(path);
      hints.set(lower, list);
    }
  }
  return hints;
}

/** Leaf keys under a container (recursively), attributes included. */
export function settingKeysUnder(containerKey: string): SettingKey[] {
  return ELEMENT_ROWS.filter((row) => row.kind !== 'container' && row.key.startsWith(`${containerKey}.`)).map(
    (row) => row.key as SettingKey,
  );
}
