import { type Contact, contactName, contactsApi } from '../../api/contacts';
import { queryKeys } from '../../api/queryKeys';
import { DeleteModal } from '../common/DeleteModal';

/** "Delete contact": its contact methods and devices go with it. */
export function DeleteContactModal({ contact, onClose, onDeleted }: { contact: Contact; onClose: () => void; onDeleted?: () => void }) {
  const name = contactName(contact);
  return (
    <DeleteModal
      opened
      onClose={onClose}
      title="Delete contact"
      confirmLabel="Delete contact"
      onConfirm={() => contactsApi.remove(contact)}
      refetch={[queryKeys.contacts, queryKeys.devices, queryKeys.sipAccounts]}
      doneMessage={`${name} deleted`}
      onDeleted={onDeleted}
    >
      Delete {name}? Their contact methods and {contact.deviceCount === 1 ? 'device' : `${contact.deviceCount} devices`} are deleted too,
      and those apps stop working.
    </DeleteModal>
  );
}
