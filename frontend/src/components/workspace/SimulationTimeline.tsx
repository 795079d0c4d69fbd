import { Group, Stack, Text, Tooltip } from '@mantine/core';
import type { Simulation } from '../../api/publishing';

const OUTCOME: Record<Simulation['outcome'], string> = {
  not_found: 'No route: nothing on the workspace receives this number.',
  answered: 'Answered',
  ringing: 'Rings until someone answers.',
  hangup: 'Nobody answers: the call ends',
  forwarded: 'Forwarded',
  rejected: 'Rejected',
  loop_limit: 'The call went round too often and was stopped',
};

function summaryOf(result: Simulation): string {
  switch (result.outcome) {
    case 'hangup':
    case 'loop_limit':
      return `${OUTCOME[result.outcome]} after ${result.endsAt ?? 0} s.`;
    case 'answered':
      return `${OUTCOME.answered} after ${result.answeredAt ?? 0} s.`;
    case 'forwarded': {
      const to = result.forwardedTo;
      return `${OUTCOME.forwarded} to ${to?.number ?? '?'} after ${result.endsAt ?? 0} s${to?.callerId ? `, showing ${to.callerId}` : ''}.`;
    }
    case 'rejected':
      return `${OUTCOME.rejected} by the blacklist (${result.rejected?.code ?? 403} ${result.rejected?.reason ?? 'Blocked'}).`;
    default:
      return OUTCOME[result.outcome];
  }
}

/** Who rings when: one bar per ringing contact method, on a shared axis in seconds. */
export function SimulationTimeline({ result }: { result: Simulation }) {
  const end = Math.max(30, result.endsAt ?? 0, ...result.rings.map((r) => (r.until ?? r.at + 30) + 5));
  const summary = summaryOf(result);
  return (
    <Stack gap={6} aria-label="Simulation result">
      <Text size="sm" fw={500} role="status">
        {summary}
      </Text>
      {result.steps.length > 0 && (
        <ol className="sim-path" aria-label="Path of the call">
          {result.steps.map((step) => (
            <li key={step.node}>
              <Text size="xs">
                <b>{result.objectNames[String(step.object)] || 'An object'}</b> ({step.at}
                {step.until !== null && step.until !== step.at ? `–${step.until}` : ''} s): {step.reason}
              </Text>
            </li>
          ))}
        </ol>
      )}
      <ol className="sim-timeline" aria-label="Who rings when">
        {result.rings.map((ring, index) => {
          const who = ring.contactName ?? result.objectNames[String(ring.object)] ?? `Contact method #${ring.contactMethod}`;
          const until = ring.until ?? end;
          const devices = ring.deviceNames.filter(Boolean).join(', ');
          const when = `${ring.at}–${ring.until === null ? '…' : ring.until} s`;
          const declined = ring.declined ? ', declines' : '';
          return (
            <li key={index} className="sim-row" aria-label={`${who} rings ${when}${declined}`}>
              <Text size="xs" truncate="end" title={who}>
                {who}
              </Text>
              <div className="sim-track">
                <Tooltip label={`${who} (${ring.kind.replace('_', '.')}${devices ? `: ${devices}` : ''}) ${when}${declined}`} withArrow>
                  <div className={`sim-bar${ring.until === null ? ' open' : ''}${ring.declined ? ' declined' : ''}`} style={{ left: `${(ring.at / end) * 100}%`, width: `${((until - ring.at) / end) * 100}%` }}>
                    {when}
                    {ring.declined && ' declined'}
                  </div>
                </Tooltip>
              </div>
            </li>
          );
        })}
      </ol>
      {result.rings.length > 0 && (
        <Group justify="space-between" className="sim-axis" aria-hidden>
          <Text size="10px" c="dimmed">0 s</Text>
          <Text size="10px" c="dimmed">{Math.round(end / 2)} s</Text>
          <Text size="10px" c="dimmed">{Math.round(end)} s</Text>
        </Group>
      )}
    </Stack>
  );
}
