import { type Device, devicesApi } from '../../api/devices';
import { queryKeys } from '../../api/queryKeys';
import { DeleteModal } from '../common/DeleteModal';
import { DeviceModal } from './DeviceForm';
import { EffectiveConfigModal } from './EffectiveConfigModal';
import { MoveDeviceModal } from './MoveDeviceModal';

export type DeviceDialog =
  | { kind: 'edit'; device: Device | null; contactId: number }
  | { kind: 'move'; device: Device }
  | { kind: 'config'; device: Device }
  | { kind: 'delete'; device: Device };

/** The add/edit, move, delete and effective-config dialogs of a device table. */
export function DeviceDialogs({ dialog, onClose }: { dialog: DeviceDialog | null; onClose: () => void }) {
  return (
    <>
      <DeviceModal
        opened={dialog?.kind === 'edit'}
        contactId={dialog?.kind === 'edit' ? dialog.contactId : 0}
        device={dialog?.kind === 'edit' ? dialog.device : null}
        onClose={onClose}
      />
      <MoveDeviceModal device={dialog?.kind === 'move' ? dialog.device : null} onClose={onClose} />
      <EffectiveConfigModal device={dialog?.kind === 'config' ? dialog.device : null} onClose={onClose} />
      {dialog?.kind === 'delete' && (
        <DeleteModal
          opened
          onClose={onClose}
          title="Delete device"
          confirmLabel="Delete device"
          onConfirm={() => devicesApi.remove(dialog.device)}
          refetch={[queryKeys.devices, queryKeys.sipAccounts, queryKeys.contacts]}
          doneMessage={`${dialog.device.name} deleted`}
        >
          Delete {dialog.device.name} of {dialog.device.contact.name}? The app on it stops working and must be activated again as a new device.
        </DeleteModal>
      )}
    </>
  );
}
