/** The call.center settings form's values and the PATCH they make. */
import type { AnnouncementSettings, CallCenterSettings, CallCenterSettingsInput, RecordingSettings } from '../../api/callCenter';
import { changedFields } from '../common/changes';

type Ids<T> = { [K in keyof T]: T[K] extends number | null ? string | null : T[K] };

export interface CallCenterValues {
  callerIdName: string;
  internalCallerId: string | null;
  outboundCalling: boolean;
  externalCallerId: string | null;
  recording: Ids<RecordingSettings>;
  announcements: Ids<AnnouncementSettings>;
}

const id = (value: number | null) => (value === null ? null : String(value));
const num = (value: string | null) => (value ? Number(value) : null);

export function toValues(settings: CallCenterSettings): CallCenterValues {
  const { recording, announcements } = settings;
  return {
    callerIdName: settings.callerIdNameIsDefault ? '' : settings.callerIdName,
    internalCallerId: id(settings.internalCallerId),
    outboundCalling: settings.outboundCalling,
    externalCallerId: id(settings.externalCallerId),
    recording: {
      enabled: recording.enabled,
      inbound: recording.inbound,
      outbound: recording.outbound,
      internal: recording.internal,
      external: recording.external,
      onDemand: recording.onDemand,
      deliveryMethodId: id(recording.deliveryMethodId),
    },
    announcements: { internalAudioId: id(announcements.internalAudioId), externalAudioId: id(announcements.externalAudioId) },
  };
}

function toInput(values: CallCenterValues): CallCenterSettingsInput {
  return {
    callerIdName: values.callerIdName.trim() || null,
    internalCallerId: num(values.internalCallerId),
    outboundCalling: values.outboundCalling,
    externalCallerId: num(values.externalCallerId),
    recording: { ...values.recording, deliveryMethodId: num(values.recording.deliveryMethodId) },
    announcements: { internalAudioId: num(values.announcements.internalAudioId), externalAudioId: num(values.announcements.externalAudioId) },
  };
}

/** Only what changed; recording and announcements go whole when any of their fields changed. */
export const toChanges = (settings: CallCenterSettings, values: CallCenterValues): Partial<CallCenterSettingsInput> =>
  changedFields(toInput(toValues(settings)), toInput(values));

export const validate = {
  externalCallerId: (value: string | null, values: CallCenterValues) =>
    values.outboundCalling && !value ? 'Choose the phone number shown on outbound calls' : null,
  recording: {
    deliveryMethodId: (value: string | null, values: CallCenterValues) =>
      values.recording.enabled && !value ? 'Choose where recordings are delivered' : null,
  },
};
