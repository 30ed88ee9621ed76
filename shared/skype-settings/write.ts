// Model -> SkypeSettings.xml for one era. Elements in documented order, containers only when
// something inside is set, and every value escaped by the XML library.
import { XMLBuilder } from 'fast-xml-parser';
import type { ConsoleEra } from '../console-era.ts';
import type { Revision, SkypeSettings } from './elements.ts';
import { SkypeSettingsEraError, SkypeSettingsError } from './problems.ts';
import { attributesOf, childElements, eraLabel, revisionOfEra, ROOT_ELEMENT, xmlName } from './schema.ts';
import { validateSkypeSettings } from './validate.ts';
import { formatValue } from './values.ts';

type XmlNode = Record<string, unknown>;

const ATTRIBUTE_PREFIX = '@_';

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

function buildChildren(parent: string | undefined, settings: SkypeSettings, revision: Revision): XmlNode[] {
  const values = settings as Record<string, boolean | number | string | undefined>;
  const nodes: XmlNode[] = [];
  for (const row of childElements(parent, revision)) {
    const name = xmlName(row, revision);
    if (row.kind !== 'container') {
      const value = values[row.key];
      if (value !== undefined) nodes.push({ [name]: [{ '#text': formatValue(value) }] });
      continue;
    }
    const children = buildChildren(row.key, settings, revision);
    const attributes: Record<string, string> = {};
    for (const attribute of attributesOf(row.key, revision)) {
      const value = values[attribute.key];
      if (value !== undefined) attributes[`${ATTRIBUTE_PREFIX}${attribute.name}`] = formatValue(value);
    }
    const hasAttributes = Object.keys(attributes).length > 0;
    if (children.length === 0 && !hasAttributes) continue;
    nodes.push(hasAttributes ? { [name]: children, ':@': attributes } : { [name]: children });
  }
  return nodes;
}

/**
 * The SkypeSettings.xml text for a console of `era`. Throws SkypeSettingsEraError when the model
 * holds a setting the era's reference does not document, and SkypeSettingsError for any other
 * error (bad value, broken rule); warnings do not stop it.
 */
export function writeSkypeSettingsXml(settings: SkypeSettings, era: ConsoleEra): string {
  const problems = validateSkypeSettings(settings, era);
  const notInEra = problems.find((problem) => problem.code === 'not-in-era');
  if (notInEra) {
    const others = problems.filter((problem) => problem.code === 'not-in-era').length - 1;
    throw new SkypeSettingsEraError(
      `${notInEra.path} is not documented for ${eraLabel(era)}${others > 0 ? ` (and ${others} more)` : ''}: remove it or choose another era`,
      notInEra.path,
      era,
      problems,
    );
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const listed = errors.slice(0, 3).map((problem) => `${problem.path} ${problem.message}`).join('; ');
    throw new SkypeSettingsError(`SkypeSettings.xml cannot be written: ${listed}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`, problems);
  }
  const revision = revisionOfEra(era);
  const xml = builder.build([
    { '?xml': [{ '#text': '' }], ':@': { [`${ATTRIBUTE_PREFIX}version`]: '1.0', [`${ATTRIBUTE_PREFIX}encoding`]: 'utf-8' } },
    { [ROOT_ELEMENT]: buildChildren(undefined, settings, revision) },
  ]) as string;
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

