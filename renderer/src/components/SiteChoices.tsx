// The two choices every site makes, offered the same way wherever a site is created or edited.
import { Select } from '@fluentui/react-components';
import { CLOUDS } from '../../../shared/clouds.ts';
import { CLOUD_IDS, type CloudId } from '../../../shared/model.ts';
import { TOPOLOGIES, TOPOLOGY_IDS, type TopologyId } from '../../../shared/topology.ts';

export function TopologySelect({ value, onChange, describedBy }: { value: TopologyId; onChange: (topology: TopologyId) => void; describedBy: string }) {
  return (
    <Select value={value} aria-describedby={describedBy} onChange={(_, data) => onChange(data.value as TopologyId)}>
      {TOPOLOGY_IDS.map((id) => (
        <option key={id} value={id}>
          {TOPOLOGIES[id].label}
        </option>
      ))}
    </Select>
  );
}

/** The simulated cloud is offered only to a site on it (practice, or a package made in practice mode). */
export function CloudSelect({ value, onChange, practice }: { value: CloudId; onChange: (cloud: CloudId) => void; practice: boolean }) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value as CloudId)}>
      {CLOUD_IDS.filter((id) => practice || id !== 'simulated').map((id) => (
        <option key={id} value={id}>
          {CLOUDS[id].label}
        </option>
      ))}
    </Select>
  );
}
