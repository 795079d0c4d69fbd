/** Keep the cache in step after a send or reset: the page's answer, and the device lists. */
import { type DeviceActivation, deviceKeys } from '../../../api/devices';
import { queryKeys } from '../../../api/queryKeys';
import { queryClient } from '../../../queryClient';

export function storeActivation(result: DeviceActivation): void {
  queryClient.setQueryData(deviceKeys.activation(result.device.id), result);
  // The lists show status and sub-status; the page's own answer is already current.
  void queryClient.invalidateQueries({
    queryKey: queryKeys.devices,
    predicate: (query) => query.queryKey[1] !== 'activation',
  });
}
