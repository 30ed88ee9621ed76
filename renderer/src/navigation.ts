// State-based navigation: which screen is showing, and for which room.
export type Screen =
  | { name: 'start' }
  | { name: 'site' }
  | { name: 'room'; upn: string }
  | { name: 'console'; upn?: string }
  | { name: 'onsite'; upn?: string };

export type Navigate = (screen: Screen) => void;
