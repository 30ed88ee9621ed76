// A topology's summary, and its warning when it is retired.
import { TOPOLOGIES, type TopologyId } from '../../../shared/topology.ts';

export function TopologyDescription({ id, topology }: { id?: string; topology: TopologyId }) {
  const info = TOPOLOGIES[topology];
  return (
    <div id={id} className="topology-description">
      <p>{info.summary}</p>
      {info.warning && (
        <p className="warning-text">
          <span aria-hidden="true">! </span>
          {info.warning}
        </p>
      )}
    </div>
  );
}
