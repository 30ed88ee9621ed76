// One SkypeSettings.xml setting as a form field, chosen by its kind in the element table: a
// not-set/on/off choice for booleans, a list for documented values, text or number otherwise.
import { Field, Input, Select } from '@fluentui/react-components';
import { memo } from 'react';
import type { ElementRow, Revision } from '../../../../shared/skype-settings/elements.ts';
import { allowedValues } from '../../../../shared/skype-settings/schema.ts';
import { t } from '../../strings/t.ts';

export interface SettingFieldProps {
  row: ElementRow;
  revision: Revision;
  value: string;
  /** The first problem for the field, if any. */
  problem?: { severity: 'error' | 'warning'; message: string };
  onChange: (key: string, value: string) => void;
}

function defaultText(row: ElementRow, revision: Revision): string | undefined {
  const value = row.defaults?.[revision];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? t('console.on') : t('console.off');
  return allowedValues(row, revision)?.find((entry) => entry.value === value)?.label ?? String(value);
}

export const SettingField = memo(function SettingField({ row, revision, value, problem, onChange }: SettingFieldProps) {
  const fallback = defaultText(row, revision);
  const hint = fallback ? `${row.help} ${t('console.default', { value: fallback })}` : row.help;
  const allowed = allowedValues(row, revision);
  const set = (next: string) => onChange(row.key, next);

  let control;
  if (row.kind === 'boolean' || row.kind === 'attribute') {
    control = (
      <Select value={value} onChange={(_, data) => set(data.value)}>
        <option value="">{t('console.notSet')}</option>
        <option value="true">{t('console.on')}</option>
        <option value="false">{t('console.off')}</option>
      </Select>
    );
  } else if (allowed && allowed.length > 0) {
    const known = value === '' || allowed.some((entry) => String(entry.value) === value);
    control = (
      <Select value={value} onChange={(_, data) => set(data.value)}>
        <option value="">{t('console.notSet')}</option>
        {allowed.map((entry) => (
          <option key={String(entry.value)} value={String(entry.value)}>
            {entry.label}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
      </Select>
    );
  } else {
    control = (
      <Input
        value={value}
        type={row.secret ? 'password' : row.kind === 'number' ? 'number' : 'text'}
        autoComplete={row.secret ? 'new-password' : 'off'}
        min={row.range?.min}
        max={row.range?.max}
        onChange={(_, data) => set(data.value)}
      />
    );
  }

  return (
    <Field
      label={row.label}
      hint={hint}
      validationState={problem ? problem.severity : 'none'}
      validationMessage={problem?.message}
      className="setting-field"
    >
      {control}
    </Field>
  );
});
