// New site: name, topology (with its description) and cloud.
import { Button, Field, Input } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { SiteView } from '../../../../shared/ipc.ts';
import type { CloudId } from '../../../../shared/model.ts';
import type { TopologyId } from '../../../../shared/topology.ts';
import { call, type Failure } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { FailureMessage } from '../../components/FailureMessage.tsx';
import { CloudSelect, TopologySelect } from '../../components/SiteChoices.tsx';
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
        <TopologySelect value={topology} onChange={setTopology} describedBy={descriptionId} />
      </Field>
      <TopologyDescription id={descriptionId} topology={topology} />
      <Field label={t('start.new.cloud')} validationMessage={issueFor('cloud')}>
        <CloudSelect value={cloud} onChange={setCloud} practice={false} />
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
