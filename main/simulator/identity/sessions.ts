// Short-lived sign-in state: authorization codes (with their PKCE challenge and nonce), device
// codes waiting for a user, and refresh tokens. Codes come from the simulator's "codes" random
// stream so a seeded run is repeatable.
import { BASE64URL_ALPHABET, type Prng } from '../prng.ts';

export interface AuthorizationCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  nonce: string | undefined;
  expiresAt: number;
  redeemed: boolean;
}

export type DeviceCodeStatus = 'pending' | 'approved' | 'declined';

export interface DeviceCodeSession {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  polls: number;
  status: DeviceCodeStatus;
  userId: string | undefined;
}

export interface RefreshTokenRecord {
  clientId: string;
  userId: string;
  expiresAt: number;
}

const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class IdentitySessions {
  readonly codes = new Map<string, AuthorizationCode>();
  readonly deviceCodes = new Map<string, DeviceCodeSession>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();

  constructor(private readonly random: Prng) {}

  opaque(prefix: string, length: number): string {
    return `${prefix}${this.random.chars(length, BASE64URL_ALPHABET)}`;
  }

  newAuthorizationCode(code: Omit<AuthorizationCode, 'redeemed'>): string {
    const value = this.opaque('1.SIM', 180);
    this.codes.set(value, { ...code, redeemed: false });
    return value;
  }

  newDeviceCode(session: Omit<DeviceCodeSession, 'deviceCode' | 'userCode' | 'polls' | 'status' | 'userId'>): DeviceCodeSession {
    const created: DeviceCodeSession = {
      ...session,
      deviceCode: this.opaque('SIMDC', 120),
      userCode: this.random.chars(9, USER_CODE_ALPHABET),
      polls: 0,
      status: 'pending',
      userId: undefined,
    };
    this.deviceCodes.set(created.deviceCode, created);
    return created;
  }

  findDeviceCodeByUserCode(userCode: string): DeviceCodeSession | undefined {
    const wanted = userCode.replace(/[\s-]/g, '').toUpperCase();
    return [...this.deviceCodes.values()].find((s) => s.userCode === wanted);
  }

  /** The most recent device code still waiting for a user. */
  latestPendingDeviceCode(now: number): DeviceCodeSession | undefined {
    return [...this.deviceCodes.values()].filter((s) => s.status === 'pending' && s.expiresAt > now).at(-1);
  }

  newRefreshToken(record: RefreshTokenRecord): string {
    const value = this.opaque('1.SIMRT', 300);
    this.refreshTokens.set(value, record);
    return value;
  }
}
