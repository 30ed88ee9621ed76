// Security groups: GET /groups ($filter on displayName, $select, paging) and
// POST /groups/{id}/members/$ref with {"@odata.id": ".../directoryObjects/{id}"}, with Graph's answers:
// 404 Request_ResourceNotFound for a group or member that does not exist (or has not replicated
// yet), 400 "One or more added object references already exist ..." when it is a member already.
// A member added here shows in GET /users/{id}/transitiveMemberOf at once.
import { isRecord, parseJson } from '../http.ts';
import type { SecurityGroupRecord } from '../state/records.ts';
import type { GraphCall } from './context.ts';
import { badRequest, notFound, odataBadRequest } from './errors.ts';
import { advancedOperators, matches, requestFilter } from './filter.ts';
import { contextUrl, paginate, pick, selectedProperties } from './odata.ts';
import { visibleUser } from './users.ts';

export const GROUP_PROPERTIES = ['id', 'displayName', 'description', 'mailEnabled', 'mailNickname', 'securityEnabled', 'groupTypes', 'createdDateTime', 'deletedDateTime'] as const;
const FILTERABLE = new Set(['id', 'displayname', 'mailnickname', 'securityenabled', 'mailenabled']);

function groupEntity(group: SecurityGroupRecord): Record<string, unknown> {
  return {
    id: group.id,
    deletedDateTime: null,
    createdDateTime: null,
    description: null,
    displayName: group.displayName,
    groupTypes: [],
    mailEnabled: false,
    mailNickname: group.displayName.replace(/[^A-Za-z0-9]/g, '') || 'group',
    securityEnabled: true,
  };
}

export function listGroups(call: GraphCall): Record<string, unknown> {
  const select = selectedProperties(call, GROUP_PROPERTIES, 'group');
  let groups = [...call.tenant.securityGroups.values()].map(groupEntity);
  const filter = requestFilter(call.request.query, FILTERABLE, 'group');
  if (filter !== null) {
    const advanced = advancedOperators(filter);
    if (advanced.length > 0) throw badRequest(`Operator '${advanced[0]}' is not supported because the 'ConsistencyLevel:eventual' header is missing.`);
    groups = groups.filter((group) => matches(filter, group));
  }
  const page = paginate(call, groups, 100);
  return {
    '@odata.context': contextUrl(call, 'groups', select),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.items.map((group) => (select ? pick(group, select) : group)),
  };
}

/** The directory object id at the end of an @odata.id such as https://graph.microsoft.com/v1.0/directoryObjects/{id}. */
function referencedId(reference: unknown): string {
  if (typeof reference !== 'string' || reference.trim() === '') throw badRequest("Invalid request body: '@odata.id' is missing.");
  const match = /\/(?:directoryObjects|users)\/([^/?#]+)$/i.exec(reference.trim());
  if (!match) throw badRequest(`Invalid object identifier '${reference}'.`);
  return decodeURIComponent(match[1]!);
}

export function addGroupMember(call: GraphCall, groupId: string): void {
  const group = [...call.tenant.securityGroups.values()].find((candidate) => candidate.id.toLowerCase() === groupId.toLowerCase());
  if (!group) throw notFound(groupId);
  const body = parseJson(call.request.body);
  if (!isRecord(body)) throw odataBadRequest('Empty Payload. JSON content expected.');
  const user = visibleUser(call, referencedId(body['@odata.id']));
  if (group.members.has(user.id)) throw badRequest("One or more added object references already exist for the following modified properties: 'members'.");
  group.members.add(user.id);
}
