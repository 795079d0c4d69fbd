import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The frame of the pages seen before logging in: the brand above one centred card. */
export function AuthLayout({ title, subtitle, width = 440, children }: AuthLayoutProps) {
  useDocumentTitle(`${title} · Callflow Workspace`);
  return (
    <Box
      mih="100dvh"
      py={48}
      px="md"
      style={{ background: 'linear-gradient(160deg, var(--mantine-color-indigo-0), var(--mantine-color-gray-0) 60%)' }}
    >
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <BrandMark size="lg" />
          </Center>
          <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 32 }}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz={24}>
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
