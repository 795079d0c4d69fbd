/** /contacts/{id}/call-center: the settings of a contact's call.center method. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';
import { queryKeys } from './queryKeys';

export interface RecordingSettings {
  enabled: boolean;
  inbound: boolean;
  outbound: boolean;
  internal: boolean;
  external: boolean;
  /** Needs a record_on_demand feature code. */
  onDemand: boolean;
  /** Required while recording is enabled. */
  deliveryMethodId: number | null;
}

export interface AnnouncementSettings {
  internalAudioId: number | null;
  externalAudioId: number | null;
}

export interface CallCenterSettingsInput {
  /** null or empty: the contact's name. */
  callerIdName: string | null;
  internalCallerId: number | null;
  outboundCalling: boolean;
  /** Required when outbound calling is on. */
  externalCallerId: number | null;
  recording: RecordingSettings;
  announcements: AnnouncementSettings;
}

export interface CallCenterSettings extends CallCenterSettingsInput {
  contactId: number;
  contactMethodId: number;
  /** The call.center method's version: the If-Match of a change. */
  version: number;
  /** The effective name (the contact's name when callerIdNameIsDefault). */
  callerIdName: string;
  callerIdNameIsDefault: boolean;
  internalCallerIdNumber: string | null;
  externalCallerIdNumber: string | null;
  recording: RecordingSettings & { onDemandCode: string | null };
  /** Activated devices of the contact: settings take effect on save, so a save is live on these. */
  liveDevices: number;
}

export const callCenterApi = {
  get: (contactId: number) => request<CallCenterSettings>('GET', `/contacts/${contactId}/call-center`),
  update: (contactId: number, version: number, changes: Partial<CallCenterSettingsInput>) =>
    request<CallCenterSettings>('PATCH', `/contacts/${contactId}/call-center`, changes, { ifMatch: version }),
};

export function useCallCenter(contactId: number) {
  return useQuery({ queryKey: queryKeys.callCenter(contactId), queryFn: () => callCenterApi.get(contactId) });
}
