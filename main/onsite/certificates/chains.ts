// Chains among the given certificates, leaf first: from each certificate that issued none of the
// others, up through its issuers to a self-signed root (given) or a root the machine trusts.
import type { X509Certificate } from 'node:crypto';
import { isSelfSigned, issued } from './certificate-identity.ts';
import type { TrustAnchor, TrustStore } from './trust-store.ts';

export interface ChainMember {
  x509: X509Certificate;
  sha256: string;
}

export interface BuiltChain {
  /** sha256 of each certificate, leaf first; ends with the trusted root's when that was not given. */
  path: string[];
  complete: boolean;
  publiclyTrusted: boolean;
  /** The root from the trust store that completed the chain, when it was not among the files. */
  anchor?: TrustAnchor;
  /** When incomplete: the certificate at the top and the issuer it names, which was not found. */
  missing?: { sha256: string; issuer: string };
}

/** A chain longer than this is a loop or nonsense; real ones have 2 to 4 links. */
const MAX_DEPTH = 10;

function buildFrom(leaf: ChainMember, members: readonly ChainMember[], trust: TrustStore): BuiltChain {
  const path = [leaf];
  for (let current = leaf; path.length <= MAX_DEPTH; ) {
    if (isSelfSigned(current.x509)) {
      return { path: path.map((m) => m.sha256), complete: true, publiclyTrusted: trust.isPubliclyTrusted(current.sha256) };
    }
    const next = members.find((candidate) => !path.includes(candidate) && issued(candidate.x509, current.x509));
    if (next) {
      path.push(next);
      current = next;
      continue;
    }
    const anchor = trust.issuerOf(current.x509);
    if (anchor) return { path: [...path.map((m) => m.sha256), anchor.sha256], complete: true, publiclyTrusted: anchor.publiclyTrusted, anchor };
    return { path: path.map((m) => m.sha256), complete: false, publiclyTrusted: false, missing: { sha256: current.sha256, issuer: current.x509.issuer } };
  }
  const top = path[path.length - 1]!;
  return { path: path.map((m) => m.sha256), complete: false, publiclyTrusted: false, missing: { sha256: top.sha256, issuer: top.x509.issuer } };
}

/** `members` are distinct certificates (by sha256). */
export function buildChains(members: readonly ChainMember[], trust: TrustStore): BuiltChain[] {
  const leaves = members.filter((member) => !members.some((other) => other !== member && issued(member.x509, other.x509)));
  return leaves.map((leaf) => buildFrom(leaf, members, trust));
}
