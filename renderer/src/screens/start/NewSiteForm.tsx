// New site: name, topology (with its description) and cloud.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { CLOUDS } from '../../../../shared/clouds.ts';
import type { SiteView } from '../../../../shared/ipc.ts';
import { CLOUD_IDS, type CloudId } from '../../../../shared/model.ts';
import { TOPOLOGIES, TOPOLOGY_IDS, type TopologyId } from '../../../../shared/topology.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { TopologyDescription } from '../../components/TopologyDescription.tsx';
import { t } from '../../strings/t.ts';

export function NewSiteForm({ onCreated, primary }: { onCreated: (view: SiteView) => void; primary: boolean }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [topology, setTopology] = useState<TopologyId>('teams-online');
  const [cloud, setCloud] = useState<CloudId>('global');
  const [tenantDomain, setTenantDomain] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();

  const issueFor = (field: string) => failure?.issues?.find((issue) => issue.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const domain = tenantDomain.trim();
    const result = await call(() => api.sites.create({ name, topology, cloud, ...(domain ? { tenantDomain: domain } : {}) }));
    setBusy(false);
    if (result.ok) onCreated(result.data);
    else setFailure(result);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <Field label={t('start.new.name')} required validationMessage={issueFor('name')}>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={t('start.new.topology')} validationMessage={issueFor('topology')}>
        <Select value={topology} aria-describedby={descriptionId} onChange={(_, data) => setTopology(data.value as TopologyId)}>
          {TOPOLOGY_IDS.map((id) => (
            <option key={id} value={id}>
              {TOPOLOGIES[id].label}
            </option>
          ))}
        </Select>
      </Field>
      <TopologyDescription id={descriptionId} topology={topology} />
      <Field label={t('start.new.cloud')} validationMessage={issueFor('cloud')}>
        <Select value={cloud} onChange={(_, data) => setCloud(data.value as CloudId)}>
          {CLOUD_IDS.filter((id) => id !== 'simulated').map((id) => (
            <option key={id} value={id}>
              {CLOUDS[id].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('start.new.tenantDomain')} hint={t('start.new.tenantDomainHint')} validationMessage={issueFor('tenantDomain')}>
        <Input value={tenantDomain} onChange={(_, data) => setTenantDomain(data.value)} />
      </Field>
      <FailureMessage failure={failure} />
      <Button type="submit" appearance={primary ? 'primary' : 'secondary'} disabled={busy || name.trim() === ''}>
        {t('start.new.create')}
      </Button>
    </form>
  );
}
