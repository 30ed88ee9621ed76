// The site's name, topology, cloud, tenant domain and room defaults (sites.update), and saving the site file.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import type { SiteView } from '../../../../shared/ipc.ts';
import { checkSiteSettings, type CloudId } from '../../../../shared/model.ts';
import type { TopologyId } from '../../../../shared/topology.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { CloudSelect, TopologySelect } from '../../components/SiteChoices.tsx';
import { TopologyDescription } from '../../components/TopologyDescription.tsx';
import { t, type StringKey } from '../../strings/t.ts';
import { defaultsForm, SITE_DEFAULT_FIELDS, type SiteDefaultField } from './site-default-fields.ts';

export function SiteSettingsCard({ view, setView }: { view: SiteView; setView: (view: SiteView) => void }) {
  const api = useApi();
  const announce = useAnnounce();
  const [name, setName] = useState(view.site.name);
  const [topology, setTopology] = useState<TopologyId>(view.site.topology);
  const [cloud, setCloud] = useState<CloudId>(view.site.cloud);
  const [tenantDomain, setTenantDomain] = useState(view.site.tenantDomain ?? '');
  const saved = useMemo(() => defaultsForm(view.site.defaults), [view.site.defaults]);
  const [defaults, setDefaults] = useState(saved);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();

  useEffect(() => {
    setName(view.site.name);
    setTopology(view.site.topology);
    setCloud(view.site.cloud);
    setTenantDomain(view.site.tenantDomain ?? '');
    setDefaults(saved);
  }, [view.site.name, view.site.topology, view.site.cloud, view.site.tenantDomain, saved]);

  const changedDefaults = SITE_DEFAULT_FIELDS.filter(({ name: field }) => defaults[field] !== saved[field]).map(({ name: field }) => field);
  const changed =
    name !== view.site.name ||
    topology !== view.site.topology ||
    cloud !== view.site.cloud ||
    tenantDomain !== (view.site.tenantDomain ?? '') ||
    changedDefaults.length > 0;
  const setDefault = (field: SiteDefaultField, value: string) => setDefaults((current) => ({ ...current, [field]: value }));
  const findings = useMemo(() => checkSiteSettings(view.site), [view.site]);
  const issueFor = (field: string) => failure?.issues?.find((issue) => issue.field === field || issue.field === `changes.${field}`)?.message;

  const apply = async () => {
    setBusy(true);
    const defaultChanges = Object.fromEntries(changedDefaults.map((field) => [field, defaults[field]]));
    const result = await call(() => api.sites.update({ siteId: view.id, changes: { name, topology, cloud, tenantDomain, defaults: defaultChanges } }));
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      setView(result.data);
    } else setFailure(result);
  };
  const save = async () => {
    setBusy(true);
    const result = await call(() => api.sites.save({ siteId: view.id }));
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      setView(result.data);
      announce(t('site.settings.saved', { path: result.data.path ?? '' }));
    } else if (result.code !== 'cancelled') setFailure(result);
  };

  return (
    <section className="card" aria-labelledby="site-settings-title">
      <h2 id="site-settings-title">{t('site.settings.title')}</h2>
      <div className="field-grid">
        <Field label={t('site.settings.name')} validationMessage={issueFor('name')}>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('site.settings.topology')} validationMessage={issueFor('topology')}>
          <TopologySelect value={topology} onChange={setTopology} describedBy={descriptionId} />
        </Field>
        <Field label={t('site.settings.cloud')} validationMessage={issueFor('cloud')}>
          <CloudSelect value={cloud} onChange={setCloud} practice={view.practice || view.site.cloud === 'simulated'} />
        </Field>
        <Field label={t('site.settings.tenantDomain')} validationMessage={issueFor('tenantDomain')}>
          <Input value={tenantDomain} onChange={(_, data) => setTenantDomain(data.value)} />
        </Field>
      </div>
      <TopologyDescription id={descriptionId} topology={topology} />
      <h3>{t('site.defaults.title')}</h3>
      <p className="muted">{t('site.defaults.hint')}</p>
      <div className="field-grid">
        {SITE_DEFAULT_FIELDS.map((spec) => (
          <Field key={spec.name} label={t(`field.${spec.name}` as StringKey)} validationMessage={issueFor(`defaults.${spec.name}`)}>
            {spec.options ? (
              <Select value={defaults[spec.name]} onChange={(_, data) => setDefault(spec.name, data.value)}>
                {!spec.required && <option value="">{t('site.defaults.inherit')}</option>}
                {spec.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input value={defaults[spec.name]} placeholder={spec.placeholder} onChange={(_, data) => setDefault(spec.name, data.value)} />
            )}
          </Field>
        ))}
      </div>
      {findings.length > 0 && (
        <ul className="finding-list" aria-label={t('site.settings.findings')}>
          {findings.map((finding) => (
            <li key={`${finding.field}-${finding.message}`} className={finding.severity === 'error' ? 'error-text' : 'warning-text'}>
              {t('common.fieldIssue', { field: finding.field, message: finding.message })}
            </li>
          ))}
        </ul>
      )}
      <FailureMessage failure={failure} />
      <div className="button-row">
        <Button appearance="primary" disabled={busy || !changed} onClick={() => void apply()}>
          {t('site.settings.apply')}
        </Button>
        <Button disabled={busy} onClick={() => void save()}>
          {t('site.settings.save')}
        </Button>
        <span className="muted">
          {view.dirty ? t('site.settings.unsaved') : view.path ? t('site.settings.allSaved') : t('site.settings.notSavedYet')}
        </span>
      </div>
    </section>
  );
}
