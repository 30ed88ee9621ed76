// OData query options shared by the Graph collections: $select (unknown properties are a 400, as
// in Graph), $top with Graph's 1..999 page size, and paging through @odata.nextLink with an opaque
// $skiptoken, the link written against the caller's own Graph host.
import { graphBase, type GraphCall } from './context.ts';
import { invalidProperty, odataBadRequest } from './errors.ts';

/** Properties named in $select, spelled as the type spells them; undefined when there is no $select. */
export function selectedProperties(call: GraphCall, known: readonly string[], type: string): string[] | undefined {
  const raw = call.request.query.get('$select');
  if (raw === null || raw.trim() === '') return undefined;
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  return raw.split(',').map((name) => {
    const canonical = byLower.get(name.trim().toLowerCase());
    if (!canonical) throw invalidProperty(name.trim(), type);
    return canonical;
  });
}

export function pick(entity: Record<string, unknown>, properties: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of properties) out[p] = entity[p] ?? null;
  return out;
}

export function contextUrl(call: GraphCall, entitySet: string, select?: readonly string[], entity = false): string {
  const projection = select ? `(${select.join(',')})` : '';
  return `${graphBase(call)}/$metadata#${entitySet}${projection}${entity ? '/$entity' : ''}`;
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

export function pageSize(call: GraphCall, fallback: number): number {
  const raw = call.request.query.get('$top');
  if (raw === null) return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 999) throw odataBadRequest(`Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);
  return size;
}

/** One page of items from the offset in $skiptoken, with a nextLink when more remain. */
export function paginate<T>(call: GraphCall, items: readonly T[], fallbackSize: number): Page<T> {
  const size = pageSize(call, fallbackSize);
  const token = call.request.query.get('$skiptoken');
  let offset = 0;
  if (token !== null) {
    const decoded = /^RFNwdAIAAQAAA(\d+)$/.exec(token);
    if (!decoded) throw odataBadRequest(`Invalid skip token '${token}'.`);
    offset = Number(decoded[1]);
  }
  const page = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { items: page };
  const query = new URLSearchParams(call.request.query);
  // Graph's skip tokens are opaque; this one only has to survive the round trip.
  query.set('$skiptoken', `RFNwdAIAAQAAA${offset + size}`);
  const path = call.request.path.replace(/^\/v1\.0/i, '');
  return { items: page, nextLink: `${graphBase(call)}${path}?${query.toString().replace(/%24/g, '$')}` };
}
