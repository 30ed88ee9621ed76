// The version RoomReady reports in --version, manifests and generated scripts.
import packageJson from '../package.json' with { type: 'json' };

export const APP_NAME = 'roomready';
export const APP_VERSION: string = packageJson.version;
