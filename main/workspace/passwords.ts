// Room account passwords. A room console signs in unattended for years and someone types its
// password once on a touch keyboard, so generated passwords are long, avoid look-alike characters
// and use only symbols that sit on every on-screen keyboard and mean nothing to a shell or CSV.
// Rules met: Entra ID (8–256 characters, 3 of the 4 character kinds, ASCII only) and the Active
// Directory complexity filter (which also forbids the account name and ≥3-character parts of the
// display name). Nothing here puts a password into a message.
import { randomInt } from 'node:crypto';

// No 0/O/o, 1/l/I; no quotes, backticks, backslashes, "$" or spaces.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@_.';
const LETTERS = UPPER + LOWER;
const ALPHABET = LETTERS + DIGITS + SYMBOLS;

export const PASSWORD_ALPHABET = { upper: UPPER, lower: LOWER, digits: DIGITS, symbols: SYMBOLS } as const;
export const DEFAULT_PASSWORD_LENGTH = 20;
/** Entra ID's and Active Directory's bounds for any password. */
export const PASSWORD_LIMITS = { min: 8, max: 256 } as const;
/** RoomReady never generates fewer characters than this, whatever is asked. */
export const MIN_GENERATED_LENGTH = 12;

/** Whose password it is: AD refuses passwords containing the account name or parts of the display name. */
export interface PasswordOwner {
  upn?: string;
  displayName?: string;
  /** Exchange alias; on premises it often becomes the sAMAccountName. */
  alias?: string;
  /** Pre-Windows 2000 logon name: the account name AD's complexity filter really checks. */
  samAccountName?: string;
}

export interface GeneratePasswordOptions extends PasswordOwner {
  length?: number;
}

/**
 * A password drawn uniformly (crypto.randomInt) from the passwords of the requested length that
 * start with a letter (so it is never read as an option or a formula), contain all four character
 * kinds and none of the owner's names. Rejection sampling keeps that uniformity; at length 20
 * about one draw in nine is rejected.
 */
export function generateRoomPassword(options: GeneratePasswordOptions = {}): string {
  const length = options.length ?? DEFAULT_PASSWORD_LENGTH;
  if (!Number.isInteger(length) || length < MIN_GENERATED_LENGTH || length > PASSWORD_LIMITS.max) {
    throw new RangeError(`A generated password has ${MIN_GENERATED_LENGTH} to ${PASSWORD_LIMITS.max} characters; ${length} was asked for`);
  }
  const forbidden = forbiddenNameParts(options);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let candidate = LETTERS[randomInt(LETTERS.length)]!;
    for (let i = 1; i < length; i++) candidate += ALPHABET[randomInt(ALPHABET.length)]!;
    if (characterKinds(candidate) === 4 && !containsAny(candidate, forbidden)) return candidate;
  }
  // Unreachable in practice: it would take names that cover most short strings of this alphabet.
  throw new Error('Could not generate a password that avoids the room\'s names; use a longer length');
}

/**
 * Why a password someone supplied would be refused by Entra ID or Active Directory; empty when
 * it is acceptable. The messages describe the rule, never the password or the part that matched.
 */
export function checkSuppliedPassword(password: string, owner: PasswordOwner = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_LIMITS.min) {
    problems.push(`is shorter than ${PASSWORD_LIMITS.min} characters, the minimum for Entra ID and Active Directory`);
  }
  if (password.length > PASSWORD_LIMITS.max) {
    problems.push(`is longer than ${PASSWORD_LIMITS.max} characters, the maximum for Entra ID`);
  }
  if (!ENTRA_CHARACTERS.test(password)) {
    problems.push(
      'contains a character Entra ID does not accept: only A-Z, a-z, 0-9, spaces and the symbols @ # $ % ^ & * - _ ! + = [ ] { } | \\ : \' , . ? / ` ~ " ( ) ; < > are allowed',
    );
  }
  const kinds = characterKinds(password);
  if (kinds < 3) {
    problems.push(`uses ${kinds} of the 4 kinds of character (upper case, lower case, digits, symbols); Entra ID and Active Directory need 3`);
  }
  const account = accountNames(owner);
  if (containsAny(password, account)) {
    problems.push('contains the account name, which Active Directory does not allow');
  } else if (containsAny(password, displayNameParts(owner.displayName))) {
    problems.push('contains a part of the display name (3 or more characters), which Active Directory does not allow');
  }
  return problems;
}

// Entra ID: "A–Z, a–z, 0–9, @ # $ % ^ & * - _ ! + = [ ] { } | \ : ' , . ? / ` ~ " ( ) ; < > and blank space".
const ENTRA_CHARACTERS = /^[A-Za-z0-9@#$%^&*\-_!+=[\]{}|\\:',.?/`~"();<> ]*$/;

function characterKinds(password: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let symbol = 0;
  for (const ch of password) {
    if (ch >= 'A' && ch <= 'Z') upper = 1;
    else if (ch >= 'a' && ch <= 'z') lower = 1;
    else if (ch >= '0' && ch <= '9') digit = 1;
    else symbol = 1;
  }
  return upper + lower + digit + symbol;
}

function accountNames(owner: PasswordOwner): string[] {
  const names: string[] = [];
  if (owner.upn) {
    const at = owner.upn.indexOf('@');
    names.push(at > 0 ? owner.upn.slice(0, at) : owner.upn);
  }
  if (owner.alias) names.push(owner.alias);
  if (owner.samAccountName) names.push(owner.samAccountName);
  // AD only checks an account name of three or more characters.
  return names.filter((name) => name.length >= 3).map((name) => name.toLowerCase());
}

// AD splits the display name on commas, periods, dashes, underscores, spaces, pound signs and tabs.
function displayNameParts(displayName: string | undefined): string[] {
  if (!displayName) return [];
  return displayName
    .split(/[,.\-_\s#]+/)
    .filter((part) => part.length >= 3)
    .map((part) => part.toLowerCase());
}

function forbiddenNameParts(owner: PasswordOwner): string[] {
  return [...accountNames(owner), ...displayNameParts(owner.displayName)];
}

function containsAny(password: string, parts: readonly string[]): boolean {
  if (parts.length === 0) return false;
  const lower = password.toLowerCase();
  return parts.some((part) => lower.includes(part));
}
