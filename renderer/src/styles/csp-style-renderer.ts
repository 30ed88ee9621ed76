// Fluent UI's styles without <style> elements. Griffel (Fluent's CSS-in-JS) normally adds empty
// <style> elements and fills them through CSSOM; under our Content-Security-Policy (style-src
// 'self', no 'unsafe-inline') Chromium blocks those elements, so they get no sheet and nothing
// applies. Constructable stylesheets (new CSSStyleSheet + document.adoptedStyleSheets) are CSSOM
// only and need no exception in the policy. This renderer keeps Griffel's bucket order.
import { createDOMRenderer, type GriffelRenderer } from '@fluentui/react-components';

/** Griffel's bucket order (@griffel/core getStyleBucketName / styleBucketOrdering): later buckets win. */
const BUCKET_ORDER = ['r', 'd', 'l', 'v', 'w', 'f', 'i', 'h', 'a', 's', 'k', 't', 'm', 'c', 'x'];

type Entry = string | [string, Record<string, unknown>];

interface Bucket {
  sheet: CSSStyleSheet;
  order: number;
  condition: string;
  priority: number;
}

export function createCspStyleRenderer(target: Document): GriffelRenderer {
  const renderer = createDOMRenderer(target);
  const buckets = new Map<string, Bucket>();
  let ordered: CSSStyleSheet[] = [];

  const publish = () => {
    const sorted = [...buckets.values()].sort(
      (a, b) => a.order - b.order || renderer.compareMediaQueries(a.condition, b.condition) || a.priority - b.priority,
    );
    const mine = new Set(ordered);
    ordered = sorted.map((bucket) => bucket.sheet);
    // Keep sheets adopted by others (the theme) first; ours follow in Griffel's order.
    target.adoptedStyleSheets = [...target.adoptedStyleSheets.filter((sheet) => !mine.has(sheet)), ...ordered];
  };

  const bucketFor = (name: string, metadata: Record<string, unknown>): Bucket => {
    const condition = String(metadata.m ?? metadata.x ?? '');
    const priority = Number(metadata.p ?? 0);
    const key = `${name}|${condition}|${priority}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      const media = name === 'm' && condition ? condition : undefined;
      bucket = { sheet: new CSSStyleSheet(media ? { media } : {}), order: BUCKET_ORDER.indexOf(name), condition, priority };
      buckets.set(key, bucket);
      publish();
    }
    return bucket;
  };

  renderer.insertCSSRules = (cssRules) => {
    for (const [name, entries] of Object.entries(cssRules) as [string, Entry[] | undefined][]) {
      for (const entry of entries ?? []) {
        const [rule, metadata = {}] = Array.isArray(entry) ? entry : [entry];
        if (renderer.insertionCache[rule]) continue;
        renderer.insertionCache[rule] = name as GriffelRenderer['insertionCache'][string];
        const { sheet } = bucketFor(name, metadata);
        try {
          sheet.insertRule(rule, sheet.cssRules.length);
        } catch {
          // Rules with another engine's prefixes (-moz-…) are refused by Chromium: Griffel ignores them too.
        }
      }
    }
  };
  return renderer;
}
