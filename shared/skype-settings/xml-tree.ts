// The XML library's view of a document (ordered nodes with positions), and the text of an element.
import { XMLParser } from 'fast-xml-parser';
import { decodeReferences } from './values.ts';

export type XmlNode = Record<string | symbol, unknown>;

export const ATTRIBUTE_PREFIX = '@_';
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

export const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded here in one pass (values.ts): the library leaves character references undecoded.
  processEntities: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  captureMetaData: true,
});

export function nodeName(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function startOffset(node: XmlNode): number | undefined {
  const meta = node[META] as { startIndex?: number } | undefined;
  return meta?.startIndex;
}

export const isMarkup = (name: string) => name === '#comment' || name.startsWith('?') || name.startsWith('!');

/** The text of a value element: decoded text plus raw CDATA. */
export function elementText(nodes: XmlNode[]): { text: string } | { childElement: string } | { undefinedReference: string } {
  let text = '';
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === '#text') {
      const decoded = decodeReferences(String(node['#text']));
      if (!decoded.ok) return { undefinedReference: decoded.reference };
      text += decoded.text;
    } else if (name === '#cdata') {
      text += children(node, '#cdata').map((part) => String(part['#text'] ?? '')).join('');
    } else if (!isMarkup(name)) {
      return { childElement: name };
    }
  }
  return { text };
}
