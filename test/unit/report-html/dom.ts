// The HTML report as a browser would parse it (parse5, the WHATWG parsing algorithm), flattened to
// its elements in document order, so tests ask what a browser would build, not what a regex sees.
import { parse } from 'parse5';

export interface El {
  tag: string;
  attrs: Readonly<Record<string, string>>;
  /** Text content, as textContent gives it. */
  text: string;
  /** Position in document order. */
  order: number;
  parent: El | null;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
  value?: string;
}

function textOf(node: P5Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

export function parseReport(html: string): El[] {
  const elements: El[] = [];
  const walk = (node: P5Node, parent: El | null) => {
    let self = parent;
    if (node.tagName !== undefined) {
      self = { tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((attr) => [attr.name, attr.value])), text: textOf(node), order: elements.length, parent };
      elements.push(self);
    }
    for (const child of node.childNodes ?? []) walk(child, self);
    if (node.content) walk(node.content, self);
  };
  walk(parse(html) as unknown as P5Node, null);
  return elements;
}

export const byTag = (elements: readonly El[], tag: string): El[] => elements.filter((element) => element.tag === tag);

export function heading(elements: readonly El[], tag: string, text: string | RegExp): El | undefined {
  return byTag(elements, tag).find((element) => (typeof text === 'string' ? element.text === text : text.test(element.text)));
}

export function ancestors(element: El): El[] {
  const list: El[] = [];
  for (let current = element.parent; current !== null; current = current.parent) list.push(current);
  return list;
}
