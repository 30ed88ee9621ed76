// What the renderer learns about the app, handed from main to the preload as one command-line
// argument (webPreferences.additionalArguments). No IPC channel is needed for static facts, so the
// preload can expose them synchronously, before the page's first script runs.
// Dependency-free: the preload bundles this file, and a sandboxed preload may not require modules.

/** The name people see (window title, About box, installer); package.json's `name` is the npm id. */
export const PRODUCT_NAME = 'RoomReady';

export interface AppInfo {
  readonly appName: string;
  readonly version: string;
  readonly platform: string;
}

export const APP_INFO_ARGUMENT_PREFIX = '--roomready-app-info=';

/** Percent-encoded JSON: a command line may mangle quotes and spaces, so only URI-safe characters travel. */
export function encodeAppInfoArgument(info: AppInfo): string {
  const { appName, version, platform } = info;
  return APP_INFO_ARGUMENT_PREFIX + encodeURIComponent(JSON.stringify({ appName, version, platform }));
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Finds and checks the argument; anything missing or malformed yields null rather than a half-filled object. */
export function decodeAppInfoArgument(argv: readonly string[]): AppInfo | null {
  const argument = argv.find((entry) => entry.startsWith(APP_INFO_ARGUMENT_PREFIX));
  if (argument === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(argument.slice(APP_INFO_ARGUMENT_PREFIX.length)));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { appName, version, platform } = parsed as Record<string, unknown>;
  if (!isNonEmptyString(appName) || !isNonEmptyString(version) || !isNonEmptyString(platform)) return null;
  return { appName, version, platform };
}
