import { useCallCenter } from '../../api/callCenter';
import { QueryState } from '../common/QueryState';
import { SectionCard } from '../common/SectionCard';
import { CallCenterForm } from './CallCenterForm';

/** The contact's call.center method: one per contact, it groups all its devices. */
export function CallCenterPanel({ contactId, contactName }: { contactId: number; contactName: string }) {
  const settings = useCallCenter(contactId);
  return (
    <SectionCard
      id="call-center"
      title="call.center settings"
      description="Caller IDs, outbound calling, recording and announcements for every device of this contact."
    >
      <QueryState query={settings} what="the call.center settings" rows={4}>
        {(data) => <CallCenterForm key={data.version} contactId={contactId} contactName={contactName} settings={data} />}
      </QueryState>
    </SectionCard>
  );
}
