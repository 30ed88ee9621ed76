// SkypeSettings.xml, the console configuration file (mtr-facts.md §3): the element table, the
// settings model, writer, parser, validator, meeting-mode matrix and the check behind
// `roomready check-settings`. The pieces live in ./skype-settings/, one concern each.

export {
  REVISIONS,
  SKYPE_SETTINGS_ELEMENTS,
  type AllowedValue,
  type ContainerKey,
  type ElementKey,
  type ElementKind,
  type ElementRow,
  type Revision,
  type SettingKey,
  type SettingValue,
  type SkypeSettings,
} from './skype-settings/elements.ts';
export {
  allowedValues,
  attributesOf,
  childElements,
  documents,
  eraOfRevision,
  orderRank,
  revisionOfEra,
  ROOT_ELEMENT,
  rowOf,
  xmlName,
  xmlPath,
} from './skype-settings/schema.ts';
export {
  SkypeSettingsEraError,
  SkypeSettingsError,
  type ProblemCode,
  type ProblemSeverity,
  type SkypeSettingsProblem,
} from './skype-settings/problems.ts';
export { validateSkypeSettings } from './skype-settings/validate.ts';
export { writeSkypeSettingsXml } from './skype-settings/write.ts';
export { parseSkypeSettingsXml, type ParseSkypeSettingsOptions, type SkypeSettingsParseResult } from './skype-settings/parse.ts';
export {
  LEGACY_MEETING_MODE_MATRIX,
  MEETING_MODE_LABELS,
  MEETING_MODE_MATRIX,
  MEETING_MODE_MATRIX_BY_REVISION,
  meetingModeFromSettings,
  meetingModeSettings,
  type MeetingModeKey,
  type MeetingModeValues,
} from './skype-settings/meeting-mode.ts';
export { skypeSettingsForRoom, type RoomSkypeSettingsOptions } from './skype-settings/room.ts';
export { checkSkypeSettingsFile, formatSkypeSettingsProblem, type SkypeSettingsFileCheck } from './skype-settings/check-file.ts';
