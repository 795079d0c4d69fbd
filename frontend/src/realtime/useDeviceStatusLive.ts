/**
 * Device pages' live connection: "device.status" events on /workspace update the cached
 * device lists (status, sub-status, version, last seen) without a reload. After a lost
 * connection the lists are fetched again, since events may have been missed meanwhile.
 */
import { useEffect } from 'react';
import { applyDeviceStatus, type DeviceStatusUpdate } from '../api/devices';
import { queryKeys } from '../api/queryKeys';
import { queryClient } from '../queryClient';
import { camel, createWorkspaceSocket } from './socket';

export function useDeviceStatusLive(): void {
  useEffect(() => {
    const socket = createWorkspaceSocket();
    let lost = false;
    socket.on('connect', () => {
      if (lost) void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      lost = false;
    });
    socket.on('disconnect', () => {
      lost = true;
    });
    socket.on('device.status', (payload) => {
      const { device } = camel<{ device: DeviceStatusUpdate }>(payload);
      if (device) applyDeviceStatus(device);
    });
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);
}
