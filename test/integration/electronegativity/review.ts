// The reviewed Electronegativity findings on the built shell (main + preload), each with the reason
// it is not a problem and the test that holds the mitigation in place. A finding of MEDIUM severity
// or above that is not listed here fails `npm test`; so does an entry that no longer matches a
// finding (the code it explained has changed: review it again).
//
// Why a list and not inline `// eng-disable CHECK` comments: Electronegativity reads a suppression
// only on the flagged line itself (or the file's first line, which would silence the check for the
// whole bundle), and it scans the bundle, where rolldown drops `//` comments and moves the rest onto
// lines of their own. A finding is matched by check, bundle file and the flagged line's code (not
// its line number, which moves with every edit anywhere in the bundle).

export interface Finding {
  check: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: 'TENTATIVE' | 'FIRM' | 'CERTAIN';
  /** Relative to the scanned build folder: main/index.js, preload/preload.js, or N/A for global checks. */
  file: string;
  line: number;
  column: number;
  /** The flagged line's code, trimmed; null for global checks. */
  sample: string | null;
  manualReview: boolean;
  description: string;
}

export interface ReviewedFinding {
  check: string;
  file: string;
  sample: string | null;
  reason: string;
}

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const FAIL_AT: Finding['severity'] = 'MEDIUM';

export const REVIEWED_FINDINGS: readonly ReviewedFinding[] = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    sample: null,
    reason:
      "The CSP is a response header: the app:// protocol handler (main/shell/app-protocol.ts) sends main/shell/content-security-policy.ts's policy (default-src 'none'; script-src 'self'; connect-src 'none'; ...) with every HTML page. Electronegativity only recognises a <meta> tag or a webRequest.onHeadersReceived assignment, so it cannot see it. Tests: test/unit/shell/content-security-policy.test.ts, app-protocol.test.ts ('serves index.html with the CSP header'), main-process.test.ts ('serves out/renderer ... with the CSP header').",
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/index.js',
    sample: 'const window = new BrowserWindow({',
    reason:
      "It asks for webPreferences.disableBlinkFeatures: 'Auxclick', a Blink runtime feature that no longer exists (auxclick shipped in Chrome 55 and its runtime flag is gone from Blink's runtime_enabled_features; see reZach/secure-electron-template#68), so the setting would have no effect. What it guards against, a middle-click opening a link in a new window, goes through setWindowOpenHandler, which denies every window (main/index.ts hardenWebContents; test/unit/shell/main-process.test.ts 'window.open(...) is denied').",
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/index.js',
    sample: 'preload: path.join(app.getAppPath(), PRELOAD_RELATIVE_PATH),',
    reason:
      "A manual-review reminder. The preload is the app's own bundled file inside the app folder (never a path from outside), runs sandboxed with contextIsolation, requires nothing but 'electron' and exposes only window.roomready: one function per channel, payload-only events, frozen (test/unit/shell/preload.test.ts, preload-bundle.test.ts).",
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sample: 'shell.openExternal(url).catch((error) => {',
    reason:
      'openExternallyIfAllowed (main/index.ts): only runs after isAllowedExternalUrl (main/shell/external-links.ts) accepted the URL: https, no credentials or port, host exactly learn.microsoft.com, aka.ms or go.microsoft.com. Tests: main-process.test.ts (window.open and will-navigate with look-alike hosts, javascript:, file:, http:).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sample: 'openExternal: signInPageOpener((url) => shell.openExternal(url)),',
    reason:
      "The app services' openExternal (interactive sign-in): wrapped by signInPageOpener (main/shell/host-deps.ts), which refuses anything but a well-formed https URL; the URL comes from MSAL in main, never from the renderer. Tests: test/unit/shell/host-deps.test.ts, main-process.test.ts.",
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sample: 'openBrowser: (url) => this.deps.openExternal(url),',
    reason:
      "Not shell.openExternal: main/app hands MSAL's interactive sign-in the AppDeps openExternal, which in the app is the https-only signInPageOpener above.",
  },
];

const atLeast = (severity: Finding['severity'], floor: Finding['severity']): boolean => SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(floor);

const matches = (finding: Finding, review: ReviewedFinding): boolean =>
  finding.check === review.check && finding.file === review.file && finding.sample === review.sample;

export interface Verdict {
  /** Findings at FAIL_AT or above that no entry explains. */
  unexplained: Finding[];
  /** Entries that explain no finding any more. */
  stale: ReviewedFinding[];
  /** Entries without a real reason. */
  unreasoned: ReviewedFinding[];
}

export function judgeFindings(findings: readonly Finding[], reviewed: readonly ReviewedFinding[] = REVIEWED_FINDINGS): Verdict {
  const serious = findings.filter((finding) => atLeast(finding.severity, FAIL_AT));
  return {
    unexplained: serious.filter((finding) => !reviewed.some((review) => matches(finding, review))),
    stale: reviewed.filter((review) => !serious.some((finding) => matches(finding, review))),
    unreasoned: reviewed.filter((review) => review.reason.trim().length < 40),
  };
}

export function describeFinding(finding: Finding): string {
  return `${finding.check} (${finding.severity}, ${finding.confidence}) at ${finding.file}:${finding.line}:${finding.column}${finding.sample ? `: ${finding.sample}` : ''} — ${finding.description}`;
}
