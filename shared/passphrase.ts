// The shortest passphrase RoomReady seals anything with (vaults, token caches, installer packages):
// the window's form, the IPC contract and the encryption all hold it to this one number.
export const MIN_PASSPHRASE_LENGTH = 12;
