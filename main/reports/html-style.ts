// The HTML report's stylesheet: inline (the file has no external resources) and allowed by its hash
// in the report's Content-Security-Policy. It reads on a phone (tables fold into labelled rows on
// narrow screens), prints on A4 with each room of a site report on a new page, and never carries
// meaning by colour alone: every state is an icon and a word, the colours only repeat them.

const BASE_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #8a8a8a; --soft: #f3f3f3;
  --good: #0b6a0b; --bad: #a4262c; --warn: #7a4d00; --unknown: #4b3a8c; --neutral: #3b3b3b; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", system-ui, -apple-system, Arial, sans-serif; font-size: 100%; line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
h5 { font-size: .95rem; margin: .8rem 0 .2rem; }
p { margin: .3rem 0 .6rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: start; vertical-align: top; }
thead th { background: var(--soft); }
th[scope="row"] { background: var(--soft); font-weight: 600; width: 30%; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
pre { background: var(--soft); border: 1px solid var(--line); padding: .5rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; margin: .3rem 0 .6rem; }
code { font-family: Consolas, "Cascadia Mono", Menlo, monospace; }
.state { font-weight: 600; white-space: nowrap; }
.state-good { color: var(--good); } .state-bad { color: var(--bad); } .state-warn { color: var(--warn); }
.state-unknown { color: var(--unknown); } .state-neutral { color: var(--neutral); }
.callout { border: 2px solid var(--bad); padding: .5rem .8rem; margin: .6rem 0 1rem; }
.callout.unknown { border-color: var(--unknown); }
.note { color: var(--muted); }
.toc ol { padding-inline-start: 1.5rem; }
.toc li { margin: .15rem 0; }
.finding { border-inline-start: 4px solid var(--line); padding-inline-start: .7rem; margin: .6rem 0 1rem; }
.evidence { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
.evidence h6 { font-size: .85rem; margin: .2rem 0; }
figure { margin: .5rem 0 1rem; break-inside: avoid; }
figure img { max-width: 100%; max-height: 24rem; border: 1px solid var(--line); }
figcaption { font-size: .9rem; color: var(--muted); }
.signoffs { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.signoff { border: 1px solid var(--line); padding: .5rem .8rem; break-inside: avoid; }
.signature-typed { font-family: "Segoe Script", "Brush Script MT", cursive; font-size: 1.3rem; }
.signature-drawn { max-width: 100%; max-height: 6rem; }
.blank { display: inline-block; min-width: 12rem; border-bottom: 1px solid var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.fingerprint code { font-size: .95rem; word-break: break-all; }
@media (max-width: 40rem) {
  body { padding: .6rem; }
  .state { white-space: normal; }
  table.fold, table.fold tbody, table.fold tr, table.fold td, table.fold th { display: block; width: auto; }
  table.fold caption { display: block; text-align: start; font-weight: 600; }
  table.fold thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.fold tr { border: 1px solid var(--line); margin: 0 0 .6rem; }
  table.fold td, table.fold th { border: none; border-bottom: 1px solid var(--soft); }
  table.fold td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .evidence, .signoffs { grid-template-columns: 1fr; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .3rem; }
}
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2, h3, h4, h5 { break-after: avoid; }
  tr, .finding, pre { break-inside: avoid; }
  .room { break-before: page; }
  thead th, th[scope="row"], pre { background: none; }
}
`;

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * How page marks get printed: 'css' puts the fingerprint and "Page X of Y" in the @page margin
 * boxes (a browser's own print); 'printer' leaves them to the PDF printer's header and footer.
 */
export type PageMarks = 'css' | 'printer';

/** The stylesheet of one report: the fingerprint (hex, checked) is the only value in it. */
export function reportCss(fingerprint: string, pageMarks: PageMarks): string {
  if (!FINGERPRINT.test(fingerprint)) throw new Error('The report fingerprint must be 64 lowercase hex digits.');
  const page =
    pageMarks === 'css'
      ? `@page { size: A4; margin: 16mm 14mm 20mm; ` +
        `@bottom-left { content: "Fingerprint (SHA-256): ${fingerprint}"; font-size: 7pt; font-family: Arial, sans-serif; } ` +
        `@bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; font-family: Arial, sans-serif; } }`
      : '@page { size: A4; }';
  return `${BASE_CSS}${page}\n`;
}
