import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconKeyboard, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FEATURE_PURPOSES, type FeatureCode, featureCodesApi, useFeatureCodes } from '../../api/featureCodes';
import { queryKeys } from '../../api/queryKeys';
import { DeleteModal } from '../common/DeleteModal';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { RowActions } from '../common/RowActions';
import { FeatureCodeModal } from './FeatureCodeForm';
import { SettingsSection } from './SettingsSection';

export function FeatureCodesSection() {
  const codes = useFeatureCodes();
  const [editing, setEditing] = useState<FeatureCode | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<FeatureCode | null>(null);
  const add = (
    <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
      Add feature code
    </Button>
  );

  return (
    <SettingsSection id="feature-codes" title="Feature codes" description="Codes users dial during a call, such as *1 to record it on demand.">
      <QueryState query={codes} what="the feature codes" rows={2}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock bare icon={IconKeyboard} title="No feature codes yet" description="Add a record-on-demand code (e.g. *1) so contacts can record calls when they choose." action={add} />
          ) : (
            <>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Feature codes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Code</Table.Th>
                    <Table.Th>Purpose</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th w={96}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((code) => (
                    <Table.Tr key={code.id}>
                      <Table.Td ff="monospace" fw={600}>
                        {code.code}
                      </Table.Td>
                      <Table.Td>{FEATURE_PURPOSES[code.purpose] ?? code.purpose}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={code.enabled ? 'teal' : 'gray'}>
                          {code.enabled ? 'Enabled' : 'Disabled'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <RowActions name={`feature code ${code.code}`} onEdit={() => setEditing(code)} onDelete={() => setDeleting(code)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group mt="md">{add}</Group>
            </>
          )
        }
      </QueryState>
      <FeatureCodeModal opened={editing !== undefined} code={editing ?? null} onClose={() => setEditing(undefined)} />
      {deleting && (
        <DeleteModal
          opened
          onClose={() => setDeleting(null)}
          title="Delete feature code"
          onConfirm={() => featureCodesApi.remove(deleting)}
          refetch={[queryKeys.featureCodes]}
          doneMessage={`Feature code ${deleting.code} deleted`}
        >
          <Text span>Delete the feature code {deleting.code}? Users can no longer dial it.</Text>
        </DeleteModal>
      )}
    </SettingsSection>
  );
}
