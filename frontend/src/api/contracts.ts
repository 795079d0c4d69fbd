/**
 * The hand-written API types against the types generated from the server's OpenAPI document
 * (schema.gen.ts): `npm run typecheck` fails when they drift apart. The hand-written ones stay
 * (they are narrower: enums as unions, fields the forms require), but each must read what the
 * server sends and send what it takes:
 *
 * - Reads<Hand, Server>: a response with every documented field present can stand for the
 *   hand-written type (a field the server does not send, or sends with another type, fails);
 * - Sends<Hand, Server>: what the client sends is a body the server's schema takes.
 *
 * String and number literal unions are compared as their base types, since the document
 * names few enums. Nothing here runs: the file is types and one constant for the compiler.
 */
import type { AccountSettings, AccountSettingsInput } from './account';
import type { AudioFile } from './audioFiles';
import type { Contact, ContactInput } from './contacts';
import type { DeliveryMethod } from './deliveryMethods';
import type { Device, DeviceInput } from './devices';
import type { FeatureCode, FeatureCodeInput } from './featureCodes';
import type { AuditEntry } from './activity';
import type { Call, CallDetail } from './calls';
import type { InventoryNumber } from './numbers';
import type { Pending, PublishPreview } from './pending';
import type { Provider, ProviderInput } from './providers';
import type { Revision, Simulation } from './publishing';
import type { Recording } from './recordings';
import type { Schedule, ScheduleInput } from './schedules';
import type { Schemas } from './schema.gen';
import type { SipAccount, SipAccountInput } from './sipAccounts';
import type { Cable, Draft, ObjectType, Tab, WorkspaceObject } from './workspace';

type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends (infer U)[]
        ? Widen<U>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;

type Full<T> = T extends (infer U)[]
  ? Full<U>[]
  : T extends Blob
    ? T
    : T extends object
      ? { [K in keyof T]-?: Full<T[K]> }
      : T;

type Reads<Hand, Server> = [Full<Server>] extends [Widen<Hand>] ? true : { reads: Widen<Hand>; server: Full<Server> };
type Sends<Hand, Server> = [Hand] extends [Server] ? true : { sends: Hand; server: Server };

export const API_CONTRACTS: [
  Reads<Provider, Schemas['Provider']>,
  Sends<ProviderInput, Schemas['ProviderCreate']>,
  Reads<Device, Schemas['Device']>,
  Sends<DeviceInput, Schemas['DeviceCreate']>,
  Reads<Contact, Schemas['Contact']>,
  Sends<ContactInput, Schemas['ContactCreate']>,
  Reads<FeatureCode, Schemas['FeatureCode']>,
  Sends<FeatureCodeInput, Schemas['FeatureCodeCreate']>,
  Reads<AudioFile, Schemas['AudioFile']>,
  Reads<DeliveryMethod, Schemas['DeliveryMethod']>,
  Reads<AccountSettings, Schemas['AccountSettings']>,
  Sends<AccountSettingsInput, Schemas['AccountSettingsUpdate']>,
  Reads<InventoryNumber, Schemas['PhoneNumber']>,
  Reads<SipAccount, Schemas['SipAccount']>,
  Sends<SipAccountInput, Schemas['SipAccountCreate']>,
  Reads<Schedule, Schemas['Schedule']>,
  Sends<ScheduleInput, Schemas['ScheduleCreate']>,
  Reads<Recording, Schemas['CallRecording']>,
  Reads<Call, Schemas['Call']>,
  Reads<CallDetail, Schemas['CallDetail']>,
  Reads<Revision, Schemas['Revision']>,
  Reads<Simulation, Schemas['Simulation']>,
  Reads<AuditEntry, Schemas['AuditEntry']>,
  Reads<Pending, Schemas['Pending']>,
  Reads<PublishPreview, Schemas['PublishPreview']>,
  Reads<Tab, Schemas['Tab']>,
  Reads<WorkspaceObject, Schemas['Object']>,
  Reads<Cable, Schemas['Cable']>,
  Reads<Draft, Schemas['Draft']>,
  Reads<ObjectType, Schemas['ObjectType']>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
