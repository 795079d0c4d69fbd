import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleX } from '@tabler/icons-react';
import type { Problem } from '../../api/workspace';
import { ObjectChips } from './ObjectChips';

/** Problems as a list: severity, message, and the objects each one names (press to show them). */
export function ProblemList({ problems, onShow }: { problems: Problem[]; onShow?: () => void }) {
  return (
    <List spacing="xs" listStyleType="none" aria-label="Problems" styles={{ itemWrapper: { width: '100%' }, itemLabel: { width: '100%' } }}>
      {problems.map((problem, index) => (
        <List.Item key={`${problem.code}-${index}`} aria-label={`${problem.severity}: ${problem.message}`}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon size={22} radius="xl" variant="light" color={problem.severity === 'error' ? 'red' : 'orange'} aria-hidden>
              {problem.severity === 'error' ? <IconCircleX size={15} /> : <IconAlertTriangle size={15} />}
            </ThemeIcon>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm">{problem.message}</Text>
              <Group gap={6} mt={4}>
                <Badge size="xs" variant="outline" color="gray" tt="none">
                  {problem.code}
                </Badge>
                <ObjectChips ids={problem.objects} onShow={onShow} />
              </Group>
            </div>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
