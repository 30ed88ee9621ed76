// Licence SKUs a room account may carry, and the user suites it must not. Facts: mtr-facts.md §2
// (Entra licensing service-plan reference). Always resolve skuId from GET /subscribedSkus by part
// number at run time; the GUIDs here identify a SKU someone typed as a GUID.

export type LicenseTier = 'pro' | 'basic' | 'standard' | 'premium' | 'sfb-online';
export type LicenseStatus = 'current' | 'legacy' | 'retired';

export interface RoomLicense {
  partNumber: string;
  skuId?: string;
  name: string;
  tier: LicenseTier;
  status: LicenseStatus;
  note?: string;
}

export const ROOM_LICENSES: readonly RoomLicense[] = [
  { partNumber: 'Microsoft_Teams_Rooms_Pro', skuId: '4cde982a-ede4-4409-9ae6-b003453c8ea6', name: 'Microsoft Teams Rooms Pro', tier: 'pro', status: 'current' },
  { partNumber: 'Microsoft_Teams_Rooms_Pro_FAC', skuId: 'c25e2b36-e161-4946-bef2-69239729f690', name: 'Microsoft Teams Rooms Pro for EDU', tier: 'pro', status: 'current' },
  { partNumber: 'Microsoft_Teams_Rooms_Pro_GCC', skuId: '31ecb341-2a17-483e-9140-c473006d1e1a', name: 'Microsoft Teams Rooms Pro for GCC', tier: 'pro', status: 'current' },
  { partNumber: 'Microsoft_Teams_Rooms_Pro_without_Audio_Conferencing', skuId: '21943e3a-2429-4f83-84c1-02735cd49e78', name: 'Microsoft Teams Rooms Pro without Audio Conferencing', tier: 'pro', status: 'current' },
  {
    partNumber: 'Microsoft_Teams_Rooms_Basic',
    skuId: '6af4b3d6-14bb-4a2a-960c-6c902aad34f3',
    name: 'Microsoft Teams Rooms Basic',
    tier: 'basic',
    status: 'current',
    note: 'Free, at most 25 per tenant; no Teams Phone, Intune or Entra ID P1.',
  },
  { partNumber: 'Microsoft_Teams_Rooms_Basic_FAC', skuId: 'a4e376bd-c61e-4618-9901-3fc0cb1b88bb', name: 'Microsoft Teams Rooms Basic for EDU', tier: 'basic', status: 'current' },
  { partNumber: 'Microsoft_Teams_Rooms_Basic_without_Audio_Conferencing', skuId: '50509a35-f0bd-4c5e-89ac-22f0e16a00f8', name: 'Microsoft Teams Rooms Basic without Audio Conferencing', tier: 'basic', status: 'current' },
  { partNumber: 'MEETING_ROOM', skuId: '6070a4c8-34c6-4937-8dfb-39bbc6397a60', name: 'Microsoft Teams Rooms Standard', tier: 'standard', status: 'legacy', note: 'Not sold after 6 September 2022.' },
  { partNumber: 'MEETING_ROOM_GOV', skuId: '9571e9ac-2741-4b63-95fd-a79696f0d0ac', name: 'Microsoft Teams Rooms Standard for GCC', tier: 'standard', status: 'legacy', note: 'Not sold after 6 September 2022.' },
  { partNumber: 'MEETING_ROOM_GOV_NOAUDIOCONF', skuId: 'b4348f75-a776-4061-ac6c-36b9016b01d1', name: 'Microsoft Teams Rooms Standard for GCC without Audio Conferencing', tier: 'standard', status: 'legacy', note: 'Not sold after 6 September 2022.' },
  { partNumber: 'MEETING_ROOM_NOAUDIOCONF', skuId: '61bec411-e46a-4dab-8f46-8b58ec845ffe', name: 'Microsoft Teams Rooms Standard without Audio Conferencing', tier: 'standard', status: 'legacy', note: 'Not sold after 6 September 2022.' },
  { partNumber: 'MTR_PREM', skuId: '4fb214cb-a430-4a91-9c91-4976763aa78f', name: 'Teams Rooms Premium', tier: 'premium', status: 'legacy', note: 'Not sold after 6 September 2022.' },
  {
    partNumber: 'MCOSTANDARD',
    name: 'Skype for Business Online (Plan 2)',
    tier: 'sfb-online',
    status: 'retired',
    note: 'The SRS v2-era room licence; Skype for Business Online was retired on 31 July 2021.',
  },
];

/** Licences that are valid SKUs but not for a Teams Rooms console: assigning them is an error. */
export const NOT_ROOM_LICENSES: Readonly<Record<string, string>> = {
  MCOCAP: 'Microsoft Teams Shared Devices is for phones and panels, not a Teams Rooms console',
  MCOCAP_GOV: 'Microsoft Teams Shared Devices for GCC is for phones and panels, not a Teams Rooms console',
  MCOCAP_FACULTY: 'Microsoft Teams Shared Devices for Faculty is for phones and panels, not a Teams Rooms console',
};

/**
 * User suites: a room account must not carry them (Microsoft blocks user licences on Teams Rooms
 * since 1 July 2023, peers.md §0). Part numbers from the Entra service-plan reference.
 */
export const USER_SUITE_LICENSES: Readonly<Record<string, string>> = {
  STANDARDPACK: 'Office 365 E1',
  ENTERPRISEPACK: 'Office 365 E3',
  ENTERPRISEPREMIUM: 'Office 365 E5',
  ENTERPRISEPREMIUM_NOPSTNCONF: 'Office 365 E5 without Audio Conferencing',
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  SPE_F1: 'Microsoft 365 F3',
  M365_F1: 'Microsoft 365 F1',
  DESKLESSPACK: 'Office 365 F3',
  O365_BUSINESS_ESSENTIALS: 'Microsoft 365 Business Basic',
  O365_BUSINESS_PREMIUM: 'Microsoft 365 Business Standard',
  SPB: 'Microsoft 365 Business Premium',
  ENTERPRISEPACK_GOV: 'Office 365 E3 for GCC',
  ENTERPRISEPREMIUM_GOV: 'Office 365 E5 for GCC',
  SPE_E3_USGOV_GCCHIGH: 'Microsoft 365 E3 for GCC High',
  SPE_E5_USGOV_GCCHIGH: 'Microsoft 365 E5 for GCC High',
  M365EDU_A3_FACULTY: 'Microsoft 365 A3 for faculty',
  M365EDU_A5_FACULTY: 'Microsoft 365 A5 for faculty',
  Microsoft_365_E3: 'Microsoft 365 E3 (no Teams)',
  Microsoft_365_E5: 'Microsoft 365 E5 (no Teams)',
  O365_w_o_Teams_Bundle_M3: 'Microsoft 365 E3 (no Teams)',
  O365_w_o_Teams_Bundle_M5: 'Microsoft 365 E5 (no Teams)',
};

export const BASIC_LICENSE_TENANT_LIMIT = 25;

const byPartNumber = new Map(ROOM_LICENSES.map((sku) => [sku.partNumber.toLowerCase(), sku]));
const bySkuId = new Map(ROOM_LICENSES.filter((sku) => sku.skuId).map((sku) => [sku.skuId!.toLowerCase(), sku]));

export function findRoomLicense(partNumberOrSkuId: string): RoomLicense | undefined {
  const key = partNumberOrSkuId.trim().toLowerCase();
  return byPartNumber.get(key) ?? bySkuId.get(key);
}

function lookupIgnoringCase(table: Readonly<Record<string, string>>, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const [partNumber, name] of Object.entries(table)) {
    if (partNumber.toLowerCase() === wanted) return name;
  }
  return undefined;
}

export type LicenseVerdict =
  | { kind: 'room'; license: RoomLicense; warning?: string }
  | { kind: 'unknown'; partNumber: string; warning: string }
  | { kind: 'rejected'; error: string };

const PART_NUMBER = /^[A-Za-z0-9_.-]{2,64}$/;

/**
 * Classifies what someone typed in a Licence column. Accepts a part number (case-insensitive), a
 * known SKU GUID, or MSOnline's `tenant:PARTNUMBER` form.
 */
export function classifyLicense(input: string): LicenseVerdict {
  let value = input.trim();
  let prefixWarning: string | undefined;
  const colon = value.indexOf(':');
  if (colon > 0) {
    prefixWarning = `the MSOnline "tenant:" prefix of "${value}" was dropped; RoomReady uses the SKU part number`;
    value = value.slice(colon + 1);
  }
  const known = findRoomLicense(value);
  if (known) {
    const warnings = [prefixWarning, known.status === 'current' ? undefined : `${known.name} is ${known.status}${known.note ? `: ${known.note}` : ''}`];
    const warning = warnings.filter(Boolean).join('; ') || undefined;
    return warning ? { kind: 'room', license: known, warning } : { kind: 'room', license: known };
  }
  const notRoom = lookupIgnoringCase(NOT_ROOM_LICENSES, value);
  if (notRoom) return { kind: 'rejected', error: `${value}: ${notRoom}; use a Teams Rooms SKU such as Microsoft_Teams_Rooms_Pro` };
  const suite = lookupIgnoringCase(USER_SUITE_LICENSES, value);
  if (suite) {
    return {
      kind: 'rejected',
      error: `${value} (${suite}) is a user licence; room accounts need a Teams Rooms SKU such as Microsoft_Teams_Rooms_Pro or Microsoft_Teams_Rooms_Basic`,
    };
  }
  if (!PART_NUMBER.test(value)) {
    return { kind: 'rejected', error: `"${input}" is not a SKU part number (letters, digits, _ . - only), e.g. Microsoft_Teams_Rooms_Pro` };
  }
  return {
    kind: 'unknown',
    partNumber: value,
    warning: `${value} is not a known Teams Rooms SKU; check it against GET /subscribedSkus before provisioning`,
  };
}
