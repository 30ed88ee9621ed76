// renderChecklistMarkdown: a printable task list. Every value from the room, site or options goes
// through markdown-text.ts (escaped text, code spans or fenced blocks), so no value can add
// formatting, links, HTML or lines of its own. The output depends only on its input.
import { codeSpan, escapeText, fencedCodeBlock } from '../markdown.ts';
import type { ChecklistItem, ChecklistValue, ConsoleChecklist } from './types.ts';

/** List-item content starts two columns in ("- "), so nested lines use this indent. */
const ITEM_INDENT = '  ';
const BLANK_LINE = '\\_'.repeat(24);
const INTRO = 'Tick each box as you go. Text in `code` is typed exactly as shown; text in *italics* describes what to enter.';

function renderValue(value: ChecklistValue): string {
  switch (value.presentation ?? 'verbatim') {
    case 'verbatim':
      return codeSpan(value.value);
    case 'description':
      return `*${escapeText(value.value)}*`;
    case 'blank':
      return BLANK_LINE;
  }
}

function renderItem(item: ChecklistItem): string[] {
  const lines = [`- [ ] ${escapeText(item.text)}`];
  for (const value of item.values) lines.push(`${ITEM_INDENT}- ${escapeText(value.label)}: ${renderValue(value)}`);
  if (item.command !== undefined) lines.push(fencedCodeBlock(item.command, 'powershell', ITEM_INDENT));
  if (item.why !== undefined) lines.push(`${ITEM_INDENT}- *Why:* ${escapeText(item.why)}`);
  if (item.source !== undefined) lines.push(`${ITEM_INDENT}- *Source:* ${escapeText(item.source)}`);
  return lines;
}

function renderHeader(checklist: ConsoleChecklist): string[] {
  const { room, topology, era } = checklist;
  const field = (label: string, rendered: string) => `- **${label}:** ${rendered}`;
  const lines = [
    field('Room', escapeText(room.displayName)),
    field('Sign-in address (UPN)', codeSpan(room.upn)),
    field('Site', escapeText(checklist.site)),
  ];
  if (room.building !== undefined) lines.push(field('Building', escapeText(room.building)));
  if (room.floor !== undefined) lines.push(field('Floor', escapeText(room.floor)));
  lines.push(field('Topology', escapeText(topology.label)));
  if (topology.warning !== undefined) lines.push(field('Warning', escapeText(topology.warning)));
  lines.push(field('Console app', escapeText(era.label)));
  lines.push(field('Meeting mode', escapeText(room.meetingModeLabel)));
  lines.push(field('Password', escapeText(checklist.passwordNotice)));
  if (checklist.generatedAt !== undefined) lines.push(field('Generated', escapeText(checklist.generatedAt)));
  return lines;
}

export function renderChecklistMarkdown(checklist: ConsoleChecklist): string {
  const blocks = [`# ${escapeText(checklist.title)}`, renderHeader(checklist).join('\n'), INTRO];
  checklist.sections.forEach((section, index) => {
    blocks.push(`## ${index + 1}. ${escapeText(section.title)}`);
    blocks.push(section.items.flatMap(renderItem).join('\n'));
  });
  return `${blocks.join('\n\n')}\n`;
}
