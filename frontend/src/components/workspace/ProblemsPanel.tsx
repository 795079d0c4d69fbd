import { Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { problemsCurrent, useCanvasStore } from '../../store/canvas';
import { ProblemList } from './ProblemList';

/** Every problem of the draft (all tabs), errors first. */
export function ProblemsPanel() {
  const problems = useCanvasStore((s) => s.problems);
  const current = useCanvasStore(problemsCurrent);
  if (!current) {
    // The draft moved since these problems were found: say so rather than show stale ones.
    return (
      <Center h="100%">
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed">
            Checking the workspace…
          </Text>
        </Group>
      </Center>
    );
  }
  if (problems.length === 0) {
    return (
      <Center h="100%">
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm" c="dimmed">
            No problems: the workspace can be published.
          </Text>
        </Group>
      </Center>
    );
  }
  const ordered = [...problems].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
  return (
    <ScrollArea h="100%" type="auto" px="md" py="xs">
      <ProblemList problems={ordered} />
    </ScrollArea>
  );
}
