import { List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconKeyboard, IconPointer, IconQrcode } from '@tabler/icons-react';
import type { ActivationInstructions, ActivationMethod } from '../../../api/devices';
import { SectionCard } from '../../common/SectionCard';

const ICONS: Record<ActivationMethod['key'], typeof IconPointer> = { click: IconPointer, qr: IconQrcode, code: IconKeyboard };

/** The three ways to activate the app, in the user guide's words. */
export function ActivationStepsCard({ instructions }: { instructions: ActivationInstructions }) {
  return (
    <SectionCard id="instructions" title={instructions.title} description={instructions.intro}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {instructions.methods.map((method, index) => {
          const Icon = ICONS[method.key] ?? IconPointer;
          return (
            <Stack key={method.key} gap={6}>
              <ThemeIcon variant="light" size="lg" radius="md">
                <Icon size={20} aria-hidden />
              </ThemeIcon>
              <Title order={3} fz="md">
                {index + 1}. {method.title}
              </Title>
              <Text size="sm" c="dimmed">
                {method.when}
              </Text>
              <List size="sm" spacing={4} type="ordered">
                {method.steps.map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
              {method.note && (
                <Text size="xs" c="dimmed">
                  {method.note}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </SectionCard>
  );
}
