import { Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useCanvasStore } from '../store/canvas';
import { shownPorts, useCabledExits } from './exitPorts';
import { ObjectCard } from './ObjectCard';
import type { CallerRouterNodeType, CallerRule } from './routerTypes';
import { sameCard } from './sameCard';

const RULE = /^rule_\d+$/;

/** What a rule matches, in a few words: "+49…", "+4930555", "withheld". */
export const ruleText = (rule: CallerRule): string =>
  rule.match === 'anonymous' ? 'withheld' : rule.match === 'prefix' ? `${rule.number || '?'}…` : rule.number || '?';

/** Routes by the caller's number: one exit per rule, labelled by the admin, then Default. */
function CallerRouterNode({ id, data, selected }: NodeProps<CallerRouterNodeType>) {
  const kind = useCanvasStore((s) => s.catalogue.caller_router);
  const cabled = useCabledExits(id);
  const rules = data.properties.rules ?? [];
  const used = new Map(rules.map((r) => [r.exit, r.label || ruleText(r)]));
  const ports = kind ? shownPorts(kind.ports, RULE, used, cabled) : undefined;
  return (
    <ObjectCard id={id} type="caller_router" name={data.name} selected={selected} ports={ports}>
      <Text size="sm" fw={500}>
        {rules.length === 0 ? 'No rules: all to Default' : `${rules.length} rule${rules.length === 1 ? '' : 's'}`}
      </Text>
      {rules.length > 0 && (
        <Text size="xs" c="dimmed" truncate="end">
          {rules.map(ruleText).join(', ')}
        </Text>
      )}
    </ObjectCard>
  );
}

export default memo(CallerRouterNode, sameCard);
