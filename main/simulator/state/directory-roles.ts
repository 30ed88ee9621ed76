// Built-in Microsoft Entra roles the simulator knows, by template id (the same in every tenant), and
// which of them each kind of operation needs when an admin signs in (delegated access).
// Source: Microsoft Entra built-in roles reference; assignLicense and conditional-access read
// permissions pages of the Graph v1.0 reference.

export const DIRECTORY_ROLES = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  'License Administrator': '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  'Exchange Administrator': '29232cdf-9323-42fd-ade2-1d097af3e4de',
  'Global Reader': 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
  'Security Reader': '5d6b6bb7-de71-4623-b4af-96380a352509',
  'Conditional Access Administrator': 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
} as const;

export type DirectoryRoleName = keyof typeof DIRECTORY_ROLES;

export const DIRECTORY_ROLE_NAMES = Object.keys(DIRECTORY_ROLES) as DirectoryRoleName[];

export function isDirectoryRoleName(name: string): name is DirectoryRoleName {
  return Object.hasOwn(DIRECTORY_ROLES, name);
}

/** Operations that need an admin role when done on behalf of a signed-in user. */
export const ROLES_FOR = {
  writeUsers: ['Global Administrator', 'User Administrator'],
  assignLicenses: ['Global Administrator', 'User Administrator', 'License Administrator'],
  readConditionalAccess: ['Global Administrator', 'Global Reader', 'Security Administrator', 'Security Reader', 'Conditional Access Administrator'],
  writePlaces: ['Global Administrator', 'Exchange Administrator'],
  exchangeRead: ['Global Administrator', 'Exchange Administrator', 'Global Reader'],
  exchangeWrite: ['Global Administrator', 'Exchange Administrator'],
} as const satisfies Record<string, readonly DirectoryRoleName[]>;

export type RoleRequirement = keyof typeof ROLES_FOR;
