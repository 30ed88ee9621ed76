// Loopback stand-ins for the network a Teams Room needs, for the browser test of the on-site tools:
// TLS listeners presenting chosen certificates (one from a "Microsoft" CA, one from a TLS-inspecting
// proxy's CA) and a UDP responder answering STUN binding requests (RFC 5389) as a media relay does.
import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { mintCertificate, type MintedCertificate } from './mint-certificate.ts';

export interface TlsStandIn {
  port: number;
  close(): Promise<void>;
}

/** Completes TLS handshakes on 127.0.0.1 with `leaf` (and the chain after it), then hangs up. */
export async function startTlsStandIn(leaf: MintedCertificate, chain: readonly MintedCertificate[] = []): Promise<TlsStandIn> {
  const server = tls.createServer({ key: leaf.keyPem, cert: [leaf.certPem, ...chain.map((entry) => entry.certPem)].join('') }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const XOR_MAPPED_ADDRESS = 0x0020;

/** A binding success response carrying the sender's address as XOR-MAPPED-ADDRESS (IPv4). */
export function stunBindingResponse(request: Buffer, address: string, port: number): Buffer | undefined {
  if (request.length < 20 || request.readUInt16BE(0) !== BINDING_REQUEST || request.readUInt32BE(4) !== MAGIC_COOKIE) return undefined;
  const attribute = Buffer.alloc(12);
  attribute.writeUInt16BE(XOR_MAPPED_ADDRESS, 0);
  attribute.writeUInt16BE(8, 2);
  attribute.writeUInt8(0, 4);
  attribute.writeUInt8(0x01, 5); // IPv4
  attribute.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 6);
  const octets = address.split('.').map(Number);
  attribute.writeUInt32BE((((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) ^ MAGIC_COOKIE) >>> 0, 8);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(BINDING_SUCCESS, 0);
  header.writeUInt16BE(attribute.length, 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  request.copy(header, 8, 8, 20); // the transaction id
  return Buffer.concat([header, attribute]);
}

export interface StunStandIn {
  port: number;
  /** Binding requests answered so far. */
  answered(): number;
  close(): Promise<void>;
}

export async function startStunStandIn(): Promise<StunStandIn> {
  const socket = dgram.createSocket('udp4');
  let answered = 0;
  socket.on('message', (message, remote) => {
    const response = stunBindingResponse(message, remote.address, remote.port);
    if (!response) return;
    answered += 1;
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    port: socket.address().port,
    answered: () => answered,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

/** The certificates of the stand-ins: a "Microsoft" root and leaf, and a proxy's root re-signing the host. */
export interface StandInCertificates {
  microsoftRoot: MintedCertificate;
  microsoftLeaf: MintedCertificate;
  inspectionRoot: MintedCertificate;
  inspectionLeaf: MintedCertificate;
}

export function mintStandInCertificates(): StandInCertificates {
  const microsoftRoot = mintCertificate({ commonName: 'Stand-in Microsoft Root', organization: 'Microsoft Corporation', isCA: true });
  const microsoftLeaf = mintCertificate({ commonName: 'login.stand-in.test', organization: 'Microsoft Corporation', issuer: microsoftRoot, ipAddresses: ['127.0.0.1'] });
  const inspectionRoot = mintCertificate({ commonName: 'Contoso Web Filter CA', organization: 'Contoso Web Filter', isCA: true });
  const inspectionLeaf = mintCertificate({ commonName: 'outlook.stand-in.test', organization: 'Contoso Web Filter', issuer: inspectionRoot, ipAddresses: ['127.0.0.1'] });
  return { microsoftRoot, microsoftLeaf, inspectionRoot, inspectionLeaf };
}

export interface ClockStandIn {
  url: string;
  close(): Promise<void>;
}

/** Answers every request with 204 and this machine's time in the Date header (as Node adds it). */
export async function startClockStandIn(): Promise<ClockStandIn> {
  const server = http.createServer((_request, response) => {
    response.statusCode = 204;
    response.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
