// The placeholder page of the desktop shell: what RoomReady is, and what already works today.
import iconUrl from '../../assets/icon.svg';

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  win32: 'Windows',
  darwin: 'macOS',
  linux: 'Linux',
};

export interface AppProps {
  /** window.roomready; undefined when the page runs without the app's preload. */
  api: RoomReadyApi | undefined;
}

export function App({ api }: AppProps) {
  const version = api ? `Version ${api.version}` : 'Version unavailable';
  const platform = api ? (PLATFORM_NAMES[api.platform] ?? api.platform) : undefined;

  return (
    <main className="page" aria-labelledby="app-title">
      <header className="masthead">
        <img className="logo" src={iconUrl} alt="" width={56} height={56} />
        <h1 id="app-title">RoomReady</h1>
      </header>

      <p className="lead">
        RoomReady prepares Microsoft Teams Rooms and Skype Room Systems v2: from a list of rooms it
        produces the account scripts, console settings and installer checklists for every room.
      </p>

      <section className="notice" aria-labelledby="notice-title">
        <h2 id="notice-title">The step-by-step wizard arrives in a later version</h2>
        <p>Preparing rooms already works on the command line, offline:</p>
        <pre>
          <code>npx roomready prepare rooms.csv --out prepared</code>
        </pre>
        <p>
          It writes a folder per room with its PowerShell scripts, <code>SkypeSettings.xml</code> and
          checklist. Run <code>npx roomready --help</code> for every option.
        </p>
      </section>

      <footer className="footer">
        <p>
          {version}
          {platform ? ` · ${platform}` : ''}
        </p>
      </footer>
    </main>
  );
}
