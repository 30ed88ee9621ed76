// Validation of room accounts as data: the checks (shared/checks/*), a pure evaluator over what was
// observed in the tenant, the report (coverage first) and its Markdown and JSON renderings. Reading
// the tenant is main/checks/ (collect, validate, audit).
export * from './checks/types.ts';
export * from './checks/observation.ts';
export { expectationsFor, auditExpectations, type RoomExpectations } from './checks/expectations.ts';
export { CHECKS, checkById } from './checks/registry.ts';
export { evaluateCheck, evaluateRoom, evaluateTenant, readsFor, roomChecksFor, tenantChecksFor } from './checks/evaluate.ts';
export { assessPolicy, scopedByMembership, unsatisfiableControls, type PolicyAssessment, type Tristate } from './checks/conditional-access.ts';
export { assignedSkus, basicLicenseUse, teamsRoomsLicense } from './checks/license.ts';
export * from './checks/report.ts';
export { ValidationReportSchema, CheckResultSchema, renderValidationJson } from './checks/schema.ts';
export { renderValidationMarkdown } from './checks/markdown.ts';
