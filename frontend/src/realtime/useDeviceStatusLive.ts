/**
 * Device pages' live connection: "device.status" events on /workspace update the cached
 * device lists (status, sub-status, version, last seen) without a reload; each (re)connect
 * fetches them again, since events may have been missed meanwhile (useLiveList).
 */
import { applyDeviceStatus, type DeviceStatusUpdate } from '../api/devices';
import { queryKeys } from '../api/queryKeys';
import { useLiveList } from './useLiveList';

const onDeviceStatus = ({ device }: { device?: DeviceStatusUpdate }) => {
  if (device) applyDeviceStatus(device);
};

export function useDeviceStatusLive(): void {
  useLiveList<{ device?: DeviceStatusUpdate }>('device.status', queryKeys.devices, onDeviceStatus);
}
