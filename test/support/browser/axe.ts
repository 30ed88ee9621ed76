// Accessibility: axe-core run inside the page. The production CSP blocks inline scripts, so
// addScriptTag({ content }) cannot inject it; page.evaluate(source) runs through the DevTools
// protocol in the page's main world, which the CSP does not govern, and leaves the page's own
// policy untouched for everything else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** Impacts that fail a test; minor and moderate ones are reported, not fatal. */
export const BLOCKING_IMPACTS = ['serious', 'critical'] as const;

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[]; html: string }[] };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> } }).axe;
    const page = globalThis as unknown as { document: unknown };
    const results = await axe.run(page.document, { resultTypes: ['violations'] });
    // Fluent UI's focus manager (tabster) puts <i data-tabster-dummy tabindex=0 aria-hidden=true>
    // around focus traps on purpose: each hands focus on at once, and hiding it keeps screen
    // readers from announcing it. axe's aria-hidden-focus flags exactly these; the tabster
    // maintainers call it intended (microsoft/tabster#288) and Accessibility Insights suppresses
    // them (accessibility-insights-web#7605). Only those nodes, of only that rule, are dropped.
    const intended = (id: string, html: string) => id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
    return results.violations
      .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !intended(violation.id, node.html)) }))
      .filter((violation) => violation.nodes.length > 0)
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
  });
}

export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => `  ${violation.id} [${violation.impact ?? 'unknown'}] ${violation.help}\n    at ${violation.targets.slice(0, 8).join(' | ')}${violation.targets.length > 8 ? ` (+${violation.targets.length - 8} more)` : ''}\n    ${violation.helpUrl}`)
    .join('\n');
}

export function blockingViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => (BLOCKING_IMPACTS as readonly (string | null)[]).includes(violation.impact));
}
