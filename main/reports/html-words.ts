// The words the human-readable report uses for states, as data: each state has an icon AND a word
// (status is never carried by colour alone), and the CSS class that colours it for those who see it.
import type { ItemState } from '../../shared/room-view.ts';
import type { OnSiteCheck, SignOffParty } from '../../shared/report/schema.ts';

export interface StateWord {
  icon: string;
  word: string;
  /** Class suffix for the colour; meaning never depends on it. */
  tone: 'good' | 'bad' | 'warn' | 'unknown' | 'neutral';
}

export const STATE_WORDS: Readonly<Record<ItemState, StateWord>> = {
  passed: { icon: '✓', word: 'Passed', tone: 'good' },
  failed: { icon: '✗', word: 'Failed', tone: 'bad' },
  warning: { icon: '!', word: 'Warning', tone: 'warn' },
  unknown: { icon: '?', word: 'Unknown (could not be read)', tone: 'unknown' },
  pending: { icon: '○', word: 'Not done', tone: 'neutral' },
  running: { icon: '…', word: 'Running', tone: 'neutral' },
  manual: { icon: '☐', word: 'To do by hand', tone: 'neutral' },
};

export const ON_SITE_CHECK_WORDS: Readonly<Record<OnSiteCheck['status'], StateWord>> = {
  passed: STATE_WORDS.passed,
  failed: STATE_WORDS.failed,
  warning: STATE_WORDS.warning,
  unknown: STATE_WORDS.unknown,
};

export const PARTY_TITLES: Readonly<Record<SignOffParty, string>> = {
  installer: 'Installer',
  customer: 'Customer',
};

/** The order rooms' states are counted in the coverage table: the ones to act on first. */
export const COVERAGE_STATE_ORDER: readonly ItemState[] = ['failed', 'unknown', 'warning', 'manual', 'pending', 'running', 'passed'];

export const PASSWORD_NOTE = "The console's password is never included in this report.";
