// Small building blocks of the HTML report. Every value reaches the markup as a React child or
// prop, so react-dom/server escapes it: nothing here concatenates a value into HTML. Values that
// may be written right-to-left are isolated (<bdi>, dir="auto") so they cannot reorder their
// neighbours.
import { createElement, type ReactNode } from 'react';
import type { ItemState } from '../../shared/room-view.ts';
import { STATE_WORDS, type StateWord } from './html-words.ts';

type Props = Record<string, unknown> | null;

/** React.createElement under a short name (main/ has no JSX). */
export function h(type: string, props: Props, ...children: ReactNode[]): ReactNode {
  return createElement(type, props, ...children);
}

/** Children given as varargs (React wants keys on arrays, not on arguments). */
function spread(node: ReactNode): ReactNode[] {
  return Array.isArray(node) ? (node as ReactNode[]) : [node];
}

/** A value written by someone, isolated from the text around it. */
export function v(value: string): ReactNode {
  return h('bdi', null, value);
}

/** An icon and a word: state is never a colour alone. The icon is decoration; the word is read. */
export function stateBadge(word: StateWord): ReactNode {
  return h('span', { className: `state state-${word.tone}` }, h('span', { 'aria-hidden': 'true' }, `${word.icon} `), word.word);
}

export function itemState(state: ItemState): ReactNode {
  return stateBadge(STATE_WORDS[state]);
}

/** A label/value list; values isolated and direction-detected. */
export function facts(rows: readonly (readonly [string, ReactNode])[]): ReactNode {
  return h(
    'dl',
    { className: 'facts' },
    ...rows.flatMap(([term, value], index) => [h('dt', { key: `t${index}` }, term), h('dd', { key: `d${index}`, dir: 'auto' }, ...spread(value))]),
  );
}

export interface Column<Row> {
  title: string;
  cell(row: Row): ReactNode;
  /** The first column names the row: a row header. */
  rowHeader?: boolean;
  numeric?: boolean;
}

/** A data table that folds into labelled blocks on a phone. */
export function table<Row>(caption: string, columns: readonly Column<Row>[], rows: readonly Row[], options: { hiddenCaption?: boolean } = {}): ReactNode {
  return h(
    'table',
    { className: 'fold' },
    h('caption', options.hiddenCaption ? { className: 'visually-hidden' } : null, caption),
    h('thead', null, h('tr', null, ...columns.map((column, index) => h('th', { key: index, scope: 'col' }, column.title)))),
    h(
      'tbody',
      null,
      ...rows.map((row, rowIndex) =>
        h(
          'tr',
          { key: rowIndex },
          ...columns.map((column, index) =>
            column.rowHeader
              ? h('th', { key: index, scope: 'row', dir: 'auto' }, ...spread(column.cell(row)))
              : h('td', { key: index, 'data-label': column.title, dir: 'auto', className: column.numeric ? 'num' : undefined }, ...spread(column.cell(row))),
          ),
        ),
      ),
    ),
  );
}

/** A JSON value as people read it: a string as itself, anything else as indented JSON. */
export function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(none)';
  return JSON.stringify(value, null, 2);
}

export function preformatted(text: string): ReactNode {
  return h('pre', { dir: 'ltr' }, h('code', null, text));
}

/** Stable ids for in-page links: by position, never from a value. */
export function roomAnchor(index: number): string {
  return `room-${index + 1}`;
}
