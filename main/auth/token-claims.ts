// The permissions an access token carries (scp for delegated, roles for app-only), read from its
// payload to tell a missing permission from a missing admin role. Reading claims needs no signature
// check: the token came from the identity service over the transport, and nothing is trusted on it.

/** Permission names in the token, or undefined when it is not a readable JWT. */
export function permissionsInToken(token: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { scp, roles } = claims as { scp?: unknown; roles?: unknown };
  const permissions = [
    ...(typeof scp === 'string' ? scp.split(' ').filter(Boolean) : []),
    ...(Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : []),
  ];
  return typeof scp === 'string' || Array.isArray(roles) ? permissions : undefined;
}
