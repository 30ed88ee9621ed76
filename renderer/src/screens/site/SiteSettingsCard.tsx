// The site's name, topology, cloud and tenant domain (sites.update), and saving the site file.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import { CLOUDS } from '../../../../shared/clouds.ts';
import type { SiteView } from '../../../../shared/ipc.ts';
import { CLOUD_IDS, checkSiteSettings, type CloudId } from '../../../../shared/model.ts';
import { TOPOLOGIES, TOPOLOGY_IDS, type TopologyId } from '../../../../shared/topology.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { TopologyDescription } from '../../components/TopologyDescription.tsx';
import { t } from '../../strings/t.ts';

export function SiteSettingsCard({ view, setView }: { view: SiteView; setView: (view: SiteView) => void }) {
  const api = useApi();
  const announce = useAnnounce();
  const [name, setName] = useState(view.site.name);
  const [topology, setTopology] = useState<TopologyId>(view.site.topology);
  const [cloud, setCloud] = useState<CloudId>(view.site.cloud);
  const [tenantDomain, setTenantDomain] = useState(view.site.tenantDomain ?? '');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();

  useEffect(() => {
    setName(view.site.name);
    setTopology(view.site.topology);
    setCloud(view.site.cloud);
    setTenantDomain(view.site.tenantDomain ?? '');
  }, [view.site.name, view.site.topology, view.site.cloud, view.site.tenantDomain]);

  const changed =
    name !== view.site.name || topology !== view.site.topology || cloud !== view.site.cloud || tenantDomain !== (view.site.tenantDomain ?? '');
  const findings = useMemo(() => checkSiteSettings(view.site), [view.site]);
  const issueFor = (field: string) => failure?.issues?.find((issue) => issue.field === field || issue.field === `changes.${field}`)?.message;

  const apply = async () => {
    setBusy(true);
    const result = await call(() => api.sites.update({ siteId: view.id, changes: { name, topology, cloud, tenantDomain } }));
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

  const cloudIds = view.practice ? CLOUD_IDS : CLOUD_IDS.filter((id) => id !== 'simulated');
  return (
    <section className="card" aria-labelledby="site-settings-title">
      <h2 id="site-settings-title">{t('site.settings.title')}</h2>
      <div className="field-grid">
        <Field label={t('site.settings.name')} validationMessage={issueFor('name')}>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('site.settings.topology')} validationMessage={issueFor('topology')}>
          <Select value={topology} aria-describedby={descriptionId} onChange={(_, data) => setTopology(data.value as TopologyId)}>
            {TOPOLOGY_IDS.map((id) => (
              <option key={id} value={id}>
                {TOPOLOGIES[id].label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('site.settings.cloud')} validationMessage={issueFor('cloud')}>
          <Select value={cloud} onChange={(_, data) => setCloud(data.value as CloudId)}>
            {cloudIds.map((id) => (
              <option key={id} value={id}>
                {CLOUDS[id].label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('site.settings.tenantDomain')} validationMessage={issueFor('tenantDomain')}>
          <Input value={tenantDomain} onChange={(_, data) => setTenantDomain(data.value)} />
        </Field>
      </div>
      <TopologyDescription id={descriptionId} topology={topology} />
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
