/**
 * Generated from /api/v1/openapi.json by `python -m workspace.openapi_types`.
 * Do not edit: change the marshmallow schemas, then regenerate.
 */

export interface Schemas {
  AcceptInvitation: {
    token: string;
    firstName?: string;
    lastName?: string;
    password: string;
  };
  Account: {
    id?: number;
    name?: string;
  };
  AccountSettings: {
    name?: string;
    setupWizard?: boolean;
    timeZone?: string;
    version?: number;
  };
  AccountSettingsUpdate: {
    name?: string;
    setupWizard?: boolean;
    timeZone?: string;
  };
  Activate: {
    code: string | null;
    platform: string;
    appVersion: string;
  };
  Activated: {
    token?: string;
    device?: Schemas["ActivatedDevice"];
    config?: Record<string, unknown>;
  };
  ActivatedDevice: {
    id?: number;
    name?: string;
  };
  Activation: {
    deviceId?: number;
    code?: string;
    page?: string;
  };
  Admin: {
    id?: number;
    email?: string;
    firstName?: string;
    lastName?: string;
    role?: string;
  };
  AffectedDevice: {
    id?: number;
    name?: string;
    contact?: number;
    before?: string[] | null;
    after?: string[] | null;
  };
  Announcements: {
    internalAudioId?: number | null;
    externalAudioId?: number | null;
  };
  AnnouncementsUpdate: {
    internalAudioId?: number | null;
    externalAudioId?: number | null;
  };
  AnsweredBy: {
    contact?: (null | Schemas["CallRef"]);
    device?: (null | Schemas["CallRef"]);
    username?: string | null;
    number?: string | null;
  };
  ApiToken: {
    id?: number;
    name?: string;
    prefix?: string;
    createdAt?: string;
    lastUsedAt?: string | null;
  };
  ApiTokenCreate: {
    name: string;
  };
  ApiTokenCreated: {
    id?: number;
    name?: string;
    prefix?: string;
    createdAt?: string;
    lastUsedAt?: string | null;
    token?: string;
  };
  Assignment: {
    deviceId?: number;
    deviceName?: string;
    contactId?: number;
    contactName?: string;
  };
  AudioFile: {
    id?: number;
    version?: number;
    name?: string;
    originalFilename?: string;
    format?: "flac" | "mp3" | "ogg" | "wav";
    contentType?: string;
    sizeBytes?: number;
    durationSeconds?: number | null;
    sha256?: string;
    contentUrl?: string;
    createdAt?: string;
  };
  AudioFileList: {
    items?: Schemas["AudioFile"][];
    total?: number;
  };
  AudioFileUpdate: {
    name?: string;
  };
  AudioFileUpload: {
    name?: string;
    file: Blob;
  };
  AuditEntry: {
    id?: number;
    at?: string;
    actorType?: string;
    actorId?: number | null;
    actorName?: string;
    address?: string | null;
    action?: string;
    resource?: string;
    resourceId?: string;
    resourceName?: string;
    changes?: Record<string, unknown[]>;
  };
  AuditEntryList: {
    items?: Schemas["AuditEntry"][];
    total?: number;
    resources?: string[];
  };
  Cable: {
    id?: number;
    source?: number;
    sourcePort?: string;
    target?: number;
    targetPort?: string;
    version?: number;
    draftVersion?: number;
  };
  CableCreate: {
    source: number;
    sourcePort: string;
    target: number;
    targetPort: string;
  };
  CableList: {
    items?: Schemas["Cable"][];
    total?: number;
  };
  CablesDiff: {
    added?: Record<string, unknown>[];
    removed?: Record<string, unknown>[];
  };
  Call: {
    id?: number;
    version?: number;
    callId?: string;
    state?: "routing" | "ringing" | "answered" | "ended";
    route?: string;
    revision?: number | null;
    caller?: string | null;
    callerName?: string | null;
    callee?: string;
    startedAt?: string;
    answeredAt?: string | null;
    endedAt?: string | null;
    answeredBy?: (null | Schemas["AnsweredBy"]);
    ringS?: number | null;
    talkS?: number | null;
    cause?: "answered" | "no_answer" | "caller_cancel" | "busy" | "rejected" | "not_found" | "forbidden" | "unsupported" | "error" | null;
    sipCode?: number | null;
    path?: number[];
  };
  CallCenter: {
    warnings?: Schemas["SaveWarning"][];
    contactId?: number;
    contactMethodId?: number;
    version?: number;
    callerIdName?: string;
    callerIdNameIsDefault?: boolean;
    internalCallerId?: number | null;
    internalCallerIdNumber?: string | null;
    outboundCalling?: boolean;
    externalCallerId?: number | null;
    externalCallerIdNumber?: string | null;
    recording?: Schemas["Recording"];
    announcements?: Schemas["Announcements"];
    liveDevices?: number;
  };
  CallCenterUpdate: {
    callerIdName?: string | null;
    internalCallerId?: number | null;
    outboundCalling?: boolean;
    externalCallerId?: number | null;
    recording?: Schemas["RecordingUpdate"];
    announcements?: Schemas["AnnouncementsUpdate"];
  };
  CallDetail: {
    id?: number;
    version?: number;
    callId?: string;
    state?: "routing" | "ringing" | "answered" | "ended";
    route?: string;
    revision?: number | null;
    caller?: string | null;
    callerName?: string | null;
    callee?: string;
    startedAt?: string;
    answeredAt?: string | null;
    endedAt?: string | null;
    answeredBy?: (null | Schemas["AnsweredBy"]);
    ringS?: number | null;
    talkS?: number | null;
    cause?: "answered" | "no_answer" | "caller_cancel" | "busy" | "rejected" | "not_found" | "forbidden" | "unsupported" | "error" | null;
    sipCode?: number | null;
    path?: number[];
    events?: Schemas["CallEventOut"][];
  };
  CallEventIn: {
    id: string;
    callId: string;
    account: number;
    revision?: number | null;
    route?: string | null;
    type: "start" | "ringing" | "answered" | "ended" | "node";
    at: number;
    caller?: string | null;
    callerName?: string | null;
    callee?: string | null;
    node?: string | null;
    object?: number | null;
    member?: (Schemas["EventMember"] | null);
    cause?: "answered" | "no_answer" | "caller_cancel" | "busy" | "rejected" | "not_found" | "forbidden" | "unsupported" | "error" | null | null;
    sipCode?: number | null;
  };
  CallEventOut: {
    type?: "start" | "ringing" | "answered" | "ended" | "node";
    at?: string;
    node?: string | null;
    objectId?: number | null;
    objectName?: string | null;
    member?: (null | Schemas["AnsweredBy"]);
    cause?: string | null;
    sipCode?: number | null;
  };
  CallList: {
    items?: Schemas["Call"][];
    total?: number;
  };
  CallRecording: {
    id?: number;
    version?: number;
    status?: "queued" | "delivering" | "delivered" | "failed" | "dead";
    direction?: "inbound" | "outbound";
    scope?: "internal" | "external";
    onDemand?: boolean;
    remoteNumber?: string;
    localNumber?: string | null;
    startedAt?: string;
    durationS?: number;
    sizeBytes?: number;
    contentType?: string;
    fileName?: string;
    createdAt?: string;
    device?: (null | Schemas["CallRecordingRef"]);
    contact?: (null | Schemas["CallRecordingRef"]);
    remoteContact?: (null | Schemas["CallRecordingRef"]);
    delivery?: Schemas["CallRecordingDelivery"];
    audioUrl?: string | null;
  };
  CallRecordingDelivery: {
    method?: (null | Schemas["CallRecordingMethod"]);
    attempts?: number;
    maxAttempts?: number;
    nextAttemptAt?: string | null;
    lastError?: string | null;
    lastErrorKind?: string | null;
    deliveredAt?: string | null;
    remoteLocation?: string | null;
  };
  CallRecordingList: {
    items?: Schemas["CallRecording"][];
    total?: number;
  };
  CallRecordingMethod: {
    id?: number;
    name?: string;
    type?: string;
  };
  CallRecordingRef: {
    id?: number;
    name?: string;
  };
  CallRef: {
    id?: number;
    name?: string;
  };
  Confirm: {
    token: string;
  };
  ConnectionTest: {
    ok?: boolean;
    kind?: string | null;
    message?: string;
    retry?: boolean | null;
    step?: string | null;
  };
  Contact: {
    id?: number;
    version?: number;
    firstName?: string;
    lastName?: string;
    fullName?: string;
    company?: string;
    jobTitle?: string;
    showInDirectory?: boolean;
    numbers?: Schemas["ContactNumber"][];
    emails?: Schemas["ContactEmail"][];
    methods?: Schemas["MethodSummary"][];
    deviceCount?: number;
    internalCallerId?: string | null;
    externalCallerId?: string | null;
    createdAt?: string;
  };
  ContactCreate: {
    firstName: string;
    lastName: string;
    company?: string;
    jobTitle?: string;
    showInDirectory?: boolean;
    numbers?: Schemas["ContactNumberIn"][];
    emails: Schemas["ContactEmailIn"][];
  };
  ContactEmail: {
    address?: string;
    label?: string;
  };
  ContactEmailIn: {
    address: string;
    label?: "work" | "home";
  };
  ContactList: {
    items?: Schemas["Contact"][];
    total?: number;
  };
  ContactMethod: {
    id?: number;
    version?: number;
    contactId?: number;
    kind?: string;
    label?: string;
    sipAccountId?: number | null;
    number?: string | null;
    numberType?: string | null;
    deviceCount?: number;
    createdAt?: string;
  };
  ContactMethodCreate: {
    kind: "call_center" | "sip_account" | "phone";
    sipAccountId?: number;
    number?: string;
    numberType?: "landline" | "mobile";
  };
  ContactMethodList: {
    items?: Schemas["ContactMethod"][];
    total?: number;
  };
  ContactMethodUpdate: {
    sipAccountId?: number;
    number?: string;
    numberType?: "landline" | "mobile";
  };
  ContactNumber: {
    type?: string;
    number?: string | null;
    internalNumberId?: number | null;
    internalNumber?: string | null;
  };
  ContactNumberIn: {
    type: "landline" | "mobile" | "internal";
    number?: string | null;
    internalNumberId?: number | null;
  };
  ContactUpdate: {
    firstName?: string;
    lastName?: string;
    company?: string;
    jobTitle?: string;
    showInDirectory?: boolean;
    numbers?: Schemas["ContactNumberIn"][];
    emails?: Schemas["ContactEmailIn"][];
  };
  ContactsImport: {
    csv: string;
    dryRun?: boolean;
  };
  ContactsImportResult: {
    dryRun?: boolean;
    ok?: boolean;
    created?: number;
    rows?: Schemas["ContactsImportRow"][];
  };
  ContactsImportRow: {
    row?: number;
    name?: string;
    errors?: Record<string, string[]>;
  };
  Decline: {
    contactMethod: number;
    after?: number;
  };
  DeliveryMethod: {
    id?: number;
    version?: number;
    name?: string;
    type?: "email" | "ftp" | "sftp" | "dropbox" | "google_drive" | "onedrive";
    settings?: Record<string, (string | number | boolean | string[])>;
    secretsSet?: string[];
    createdAt?: string;
  };
  DeliveryMethodCreate: {
    name: string;
    type: "email" | "ftp" | "sftp" | "dropbox" | "google_drive" | "onedrive";
    settings: Record<string, unknown>;
  };
  DeliveryMethodList: {
    items?: Schemas["DeliveryMethod"][];
    total?: number;
  };
  DeliveryMethodTest: {
    name?: string;
    settings?: Record<string, unknown>;
  };
  DeliveryMethodUpdate: {
    name?: string;
    type?: "email" | "ftp" | "sftp" | "dropbox" | "google_drive" | "onedrive";
    settings?: Record<string, unknown>;
  };
  Device: {
    id?: number;
    version?: number;
    name?: string;
    status?: string;
    subStatus?: string | null;
    appVersion?: string | null;
    platform?: string | null;
    lastSeenAt?: string | null;
    activatedAt?: string | null;
    createdAt?: string;
    contact?: Schemas["DeviceContact"];
    sipAccounts?: Schemas["DeviceSipAccount"][];
  };
  DeviceActivation: {
    device?: Schemas["DeviceActivationDevice"];
    code?: string | null;
    codeShown?: boolean;
    codeHiddenReason?: string | null;
    codeIssuedAt?: string | null;
    server?: string;
    activationLink?: string | null;
    webLink?: string | null;
    emails?: Schemas["DeviceActivationEmail"][];
    instructions?: Schemas["DeviceActivationInstructions"];
  };
  DeviceActivationDevice: {
    id?: number;
    version?: number;
    name?: string;
    status?: string;
    subStatus?: string | null;
    appVersion?: string | null;
    platform?: string | null;
    lastSeenAt?: string | null;
    activatedAt?: string | null;
    contact?: Schemas["DeviceContact"];
  };
  DeviceActivationEmail: {
    address?: string;
    label?: string;
  };
  DeviceActivationInstructions: {
    title?: string;
    intro?: string;
    methods?: Schemas["DeviceActivationMethod"][];
    send?: string;
    reset?: string;
  };
  DeviceActivationMethod: {
    key?: string;
    title?: string;
    when?: string;
    steps?: string[];
    note?: string;
  };
  DeviceActivationSend: {
    email: string;
  };
  DeviceContact: {
    id?: number;
    name?: string;
  };
  DeviceCreate: {
    contactId: number;
    name: string;
    sipAccountIds: number[];
  };
  DeviceList: {
    items?: Schemas["Device"][];
    total?: number;
  };
  DeviceMove: {
    contactId: number;
  };
  DeviceSipAccount: {
    id?: number;
    friendlyName?: string;
    username?: string;
    providerName?: string;
  };
  DeviceStep: {
    name: string;
    sipAccountIds: number[];
  };
  DeviceUpdate: {
    name?: string;
    sipAccountIds?: number[];
  };
  DialingRule: {
    startWith: string;
    replaceWith?: string;
    minLength?: number;
  };
  Directory: {
    version?: string;
    contacts?: Schemas["DirectoryEntry"][];
  };
  DirectoryEmail: {
    address?: string;
    label?: string;
  };
  DirectoryEntry: {
    id?: number;
    firstName?: string;
    lastName?: string;
    company?: string;
    jobTitle?: string;
    numbers?: Schemas["DirectoryNumber"][];
    emails?: Schemas["DirectoryEmail"][];
  };
  DirectoryNumber: {
    type?: string;
    number?: string | null;
  };
  Document: {
    format: "callflow-workspace";
    version: 1;
    tabs: Schemas["DocumentTab"][];
    objects: Schemas["DocumentObject"][];
    cables: Schemas["DocumentCable"][];
  };
  DocumentCable: {
    key: string;
    source: string;
    sourcePort: string;
    target: string;
    targetPort: string;
  };
  DocumentObject: {
    key: string;
    tab: string;
    type: "phone_number" | "internal_number" | "time_router" | "caller_router" | "blacklist" | "ring_group" | "contact_method" | "forward";
    name?: string;
    position?: Schemas["DocumentPosition"];
    properties?: Record<string, unknown>;
  };
  DocumentPosition: {
    x: number;
    y: number;
  };
  DocumentTab: {
    key: string;
    name: string;
    position?: number;
  };
  Draft: {
    draftVersion?: number;
    tab?: Schemas["Tab"];
    tabs?: Schemas["Tab"][];
    objects?: Schemas["Object"][];
    cables?: Schemas["Cable"][];
  };
  EffectiveConfig: {
    device?: number;
    name?: string;
    inPlan?: boolean;
    revision?: number | null;
    hash?: string | null;
    config?: Record<string, unknown> | null;
    message?: string | null;
  };
  Error: {
    code?: number;
    status?: string;
    message?: string;
    errors?: Record<string, unknown>;
  };
  EventBatch: {
    events: Schemas["CallEventIn"][];
  };
  EventMember: {
    contact?: number | null;
    device?: number | null;
    username?: string | null;
    number?: string | null;
  };
  FeatureCode: {
    id?: number;
    version?: number;
    code?: string;
    purpose?: string;
    enabled?: boolean;
  };
  FeatureCodeCreate: {
    code: string;
    purpose: "record_on_demand";
    enabled?: boolean;
  };
  FeatureCodeList: {
    items?: Schemas["FeatureCode"][];
    total?: number;
  };
  FeatureCodeUpdate: {
    code?: string;
    purpose?: "record_on_demand";
    enabled?: boolean;
  };
  FieldChange: {
    field?: string;
    before?: unknown;
    after?: unknown;
  };
  Forwarded: {
    number?: string;
    callerId?: string | null;
  };
  Heartbeat: {
    appVersion?: string | null;
    lines?: Schemas["HeartbeatLine"][];
  };
  HeartbeatLine: {
    sipAccount: number;
    registered: boolean;
  };
  HeartbeatResult: {
    status?: string;
    pendingUpdate?: boolean;
    configEtag?: string | null;
  };
  Holiday: {
    name: string;
    from: string;
    to?: string | null;
    yearly?: boolean;
    exit?: "holiday_1" | "holiday_2" | "holiday_3" | "holiday_4" | null | null;
  };
  Import: {
    document: Schemas["Document"];
    mode: "replace" | "merge";
  };
  ImportResult: {
    mode?: string;
    draftVersion?: number;
    tabs?: Record<string, number>;
    objects?: Record<string, number>;
    cables?: Record<string, number>;
    problems?: Schemas["PublishProblem"][];
  };
  IngestResult: {
    accepted?: number;
    duplicates?: number;
    calls?: number;
  };
  InternalNumber: {
    id?: number;
    version?: number;
    number?: string;
    label?: string;
    createdAt?: string;
  };
  InternalNumberCreate: {
    number: string;
    label?: string;
  };
  InternalNumberList: {
    items?: Schemas["InternalNumber"][];
    total?: number;
  };
  InternalNumberStep: {
    id?: number | null;
    number?: string | null;
    label?: string;
  };
  InternalNumberUpdate: {
    number?: string;
    label?: string;
  };
  Interval: {
    day: number;
    from: string;
    to: string;
  };
  Invite: {
    email: string;
    role: "owner" | "admin" | "viewer";
    firstName?: string;
    lastName?: string;
  };
  KeysDiff: {
    added?: string[];
    removed?: string[];
    changed?: string[];
  };
  Login: {
    email: string;
    password: string;
  };
  Member: {
    id?: number;
    email?: string;
    firstName?: string;
    lastName?: string;
    role?: string;
    status?: string;
    inviteExpiresAt?: string | null;
    createdAt?: string;
  };
  Message: {
    message?: string;
  };
  MethodSummary: {
    id?: number;
    kind?: string;
    label?: string;
  };
  NumberOption: {
    id?: number;
    number?: string;
    label?: string;
    available?: boolean;
    usedBy?: string | null;
  };
  Object: {
    id?: number;
    tabId?: number;
    type?: string;
    name?: string;
    position?: {
      x?: number;
      y?: number;
    };
    properties?: Record<string, unknown>;
    version?: number;
    draftVersion?: number;
  };
  ObjectCreate: {
    tabId: number;
    type: string;
    name?: string;
    position: Schemas["Position"];
    properties?: Record<string, unknown>;
  };
  ObjectList: {
    items?: Schemas["Object"][];
    total?: number;
  };
  ObjectType: {
    type?: string;
    displayName?: string;
    category?: "entry" | "routing" | "destination";
    icon?: string;
    color?: string;
    ports?: Schemas["Port"][];
    propertiesSchema?: Record<string, unknown>;
    defaults?: Record<string, unknown>;
    defaultNamePrefix?: string;
    exits?: string[];
    pickers?: Record<string, string>;
    maxVisits?: number;
  };
  ObjectTypeList: {
    items?: Schemas["ObjectType"][];
    total?: number;
  };
  ObjectUpdate: {
    name?: string;
    properties?: Record<string, unknown>;
    tabId?: number;
  };
  PaginationMetadata: {
    total?: number;
    totalPages?: number;
    firstPage?: number;
    lastPage?: number;
    page?: number;
    previousPage?: number;
    nextPage?: number;
  };
  PasswordChange: {
    currentPassword: string;
    newPassword: string;
    newPasswordConfirm: string;
  };
  Pending: {
    publishedRevision?: number | null;
    draftVersion?: number;
    count?: number;
  };
  PendingChange: {
    kind?: string;
    action?: string;
    id?: number;
    name?: string;
    tab?: number | null;
    changes?: Schemas["FieldChange"][];
  };
  PhoneNumber: {
    id?: number;
    version?: number;
    number?: string;
    label?: string;
    createdAt?: string;
  };
  PhoneNumberCreate: {
    number: string;
    label?: string;
  };
  PhoneNumberList: {
    items?: Schemas["PhoneNumber"][];
    total?: number;
  };
  PhoneNumberStep: {
    id?: number | null;
    number?: string | null;
    label?: string;
    outboundCalling?: boolean;
  };
  PhoneNumberUpdate: {
    number?: string;
    label?: string;
  };
  Plan: {
    format?: number;
    revision?: number | null;
    hash?: string;
    compiledAt?: string | null;
    routes?: Record<string, unknown>;
    nodes?: Record<string, unknown>;
    devices?: Record<string, unknown>;
  };
  PlanDiff: {
    routes?: Schemas["KeysDiff"];
    nodes?: Schemas["KeysDiff"];
    devices?: Schemas["KeysDiff"];
  };
  Port: {
    name?: string;
    direction?: "in" | "out";
    label?: string;
    maxCables?: number | null;
    signal?: string | null;
    accepts?: string[];
    warning?: boolean;
    tone?: string | null;
  };
  Position: {
    x: number;
    y: number;
  };
  Problem: {
    code?: string;
    severity?: "error" | "warning";
    message?: string;
    objects?: number[];
    cables?: number[];
  };
  Provider: {
    id?: number;
    version?: number;
    name?: string;
    server?: string;
    port?: number | null;
    effectivePort?: number;
    proxy?: string | null;
    builtin?: boolean;
    sipAccountsCount?: number;
    createdAt?: string;
  };
  ProviderCreate: {
    name: string;
    server: string;
    port?: number | null;
    proxy?: string | null;
  };
  ProviderList: {
    items?: Schemas["Provider"][];
    total?: number;
  };
  ProviderUpdate: {
    name?: string;
    server?: string;
    port?: number | null;
    proxy?: string | null;
  };
  Publish: {
    message: string;
  };
  PublishPreview: {
    publishedRevision?: number | null;
    draftVersion?: number;
    count?: number;
    changes?: Schemas["PendingChange"][];
    devices?: Schemas["AffectedDevice"][];
    problems?: Schemas["PublishProblem"][];
    canPublish?: boolean;
  };
  PublishProblem: {
    code?: string;
    severity?: string;
    message?: string;
    objects?: number[];
    cables?: number[];
  };
  PublishResult: {
    number?: number;
    hash?: string;
    message?: string;
    authorName?: string;
    createdAt?: string;
    isPublished?: boolean;
    rollbackOf?: number | null;
    unchanged?: boolean;
    problems?: Schemas["PublishProblem"][];
    draftVersion?: number;
  };
  Recording: {
    enabled?: boolean;
    inbound?: boolean;
    outbound?: boolean;
    internal?: boolean;
    external?: boolean;
    onDemand?: boolean;
    onDemandCode?: string | null;
    deliveryMethodId?: number | null;
  };
  RecordingAccepted: {
    id?: number;
    status?: string;
  };
  RecordingUpdate: {
    enabled?: boolean;
    inbound?: boolean;
    outbound?: boolean;
    internal?: boolean;
    external?: boolean;
    onDemand?: boolean;
    deliveryMethodId?: number | null;
  };
  RecordingUpload: {
    file: Blob;
  };
  Register: {
    firstName: string;
    lastName: string;
    email: string;
    phoneNumber: string;
    country: "AC" | "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GT" | "GU" | "GW" | "GY" | "HK" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TA" | "TC" | "TD" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
    password: string;
    passwordConfirm: string;
    acceptTerms: boolean;
    acceptPrivacy: boolean;
    newsletter?: boolean;
    timeZone?: string;
  };
  Rejected: {
    code?: number;
    reason?: string;
  };
  Revision: {
    number?: number;
    hash?: string;
    message?: string;
    authorName?: string;
    createdAt?: string;
    isPublished?: boolean;
    rollbackOf?: number | null;
  };
  RevisionCalls: {
    revision?: number;
    calls?: number;
  };
  RevisionCallsList: {
    items?: Schemas["RevisionCalls"][];
    total?: number;
  };
  RevisionDetail: {
    number?: number;
    hash?: string;
    message?: string;
    authorName?: string;
    createdAt?: string;
    isPublished?: boolean;
    rollbackOf?: number | null;
    snapshot?: Record<string, unknown>;
  };
  RevisionDiff: {
    from?: number;
    to?: number;
    tabs?: Schemas["RowsDiff"];
    objects?: Schemas["RowsDiff"];
    cables?: Schemas["CablesDiff"];
    plan?: Schemas["PlanDiff"];
  };
  RevisionList: {
    items?: Schemas["Revision"][];
    total?: number;
  };
  Ring: {
    at?: number;
    until?: number | null;
    contactMethod?: number;
    contact?: number | null;
    contactName?: string | null;
    kind?: string;
    devices?: number[];
    deviceNames?: (string | null)[];
    ringGroup?: number | null;
    object?: number;
    objectPath?: number[];
    declined?: boolean;
  };
  RoleChange: {
    role: "owner" | "admin" | "viewer";
  };
  Rollback: {
    message?: string | null;
  };
  RowChange: {
    id?: number;
    name?: string;
    fields?: string[];
    changes?: Schemas["FieldChange"][];
  };
  RowsDiff: {
    added?: Record<string, unknown>[];
    removed?: Record<string, unknown>[];
    changed?: Schemas["RowChange"][];
  };
  SaveWarning: {
    code?: string;
    message?: string;
  };
  Schedule: {
    id?: number;
    version?: number;
    name?: string;
    timeZone?: string;
    intervals?: Schemas["Interval"][];
    holidays?: Schemas["Holiday"][];
    status?: (Schemas["ScheduleStatus"]);
    usedBy?: Schemas["User"][];
  };
  ScheduleCreate: {
    name: string;
    timeZone?: string;
    intervals?: Schemas["Interval"][];
    holidays?: Schemas["Holiday"][];
  };
  ScheduleList: {
    items?: Schemas["Schedule"][];
    total?: number;
  };
  ScheduleStatus: {
    state?: string;
    until?: string | null;
    reason?: string;
  };
  ScheduleUpdate: {
    name?: string;
    timeZone?: string;
    intervals?: Schemas["Interval"][];
    holidays?: Schemas["Holiday"][];
  };
  SessionInfo: {
    admin?: Schemas["Admin"];
    account?: Schemas["Account"];
    csrfToken?: string | null;
  };
  Simulate: {
    number: string;
    caller?: string | null;
    at?: string | null;
    timeZone?: string | null;
    digits?: string[];
    answer?: number | null;
    declines?: Schemas["Decline"][];
    source?: "published" | "draft";
  };
  Simulation: {
    source?: string;
    revision?: number | null;
    hash?: string;
    number?: string;
    caller?: string | null;
    at?: string | null;
    key?: string | null;
    found?: boolean;
    digits?: string[];
    answer?: number | null;
    declines?: Schemas["Decline"][];
    outcome?: string;
    rejected?: (Schemas["Rejected"] | null);
    endsAt?: number | null;
    answeredBy?: number | null;
    answeredAt?: number | null;
    forwardedTo?: (null | Schemas["Forwarded"]);
    path?: number[];
    steps?: Schemas["SimulationStep"][];
    rings?: Schemas["Ring"][];
    objectNames?: Record<string, string>;
  };
  SimulationStep: {
    node?: string;
    object?: number;
    type?: string;
    at?: number;
    until?: number | null;
    exit?: string | null;
    next?: number | null;
    reason?: string;
  };
  SipAccount: {
    id?: number;
    version?: number;
    providerId?: number;
    providerName?: string;
    friendlyName?: string;
    username?: string;
    hasPassword?: boolean;
    manualPassword?: boolean;
    protocol?: string;
    pushProxy?: boolean;
    authUsername?: string | null;
    displayName?: string | null;
    dialingRules?: Schemas["DialingRule"][];
    status?: "online" | "offline" | "not_in_use";
    assignedTo?: Schemas["Assignment"][];
    createdAt?: string;
  };
  SipAccountCreate: {
    providerId: number;
    friendlyName?: string;
    username: string;
    password?: string;
    manualPassword?: boolean;
    protocol?: "udp" | "tcp" | "tls";
    pushProxy?: boolean;
    authUsername?: string | null;
    displayName?: string | null;
    dialingRules?: Schemas["DialingRule"][];
  };
  SipAccountList: {
    items?: Schemas["SipAccount"][];
    total?: number;
  };
  SipAccountOption: {
    id?: number;
    friendlyName?: string;
    username?: string;
    providerName?: string;
  };
  SipAccountUpdate: {
    providerId?: number;
    friendlyName?: string;
    username?: string;
    password?: string;
    manualPassword?: boolean;
    protocol?: "udp" | "tcp" | "tls";
    pushProxy?: boolean;
    authUsername?: string | null;
    displayName?: string | null;
    dialingRules?: Schemas["DialingRule"][];
  };
  State: {
    draftVersion?: number;
    publishedRevision?: number | null;
  };
  Tab: {
    id?: number;
    name?: string;
    position?: number;
    version?: number;
    draftVersion?: number;
  };
  TabCreate: {
    name?: string;
    position?: number;
  };
  TabList: {
    items?: Schemas["Tab"][];
    total?: number;
  };
  TabOption: {
    id?: number;
    name?: string;
  };
  TabStep: {
    id?: number | null;
    name?: string | null;
  };
  TabUpdate: {
    name?: string;
    position?: number;
  };
  User: {
    type?: string;
    id?: number;
    name?: string;
  };
  ValidationResult: {
    problems?: Schemas["Problem"][];
    draftVersion?: number;
  };
  Week: {
    number?: string;
    caller?: string | null;
    timeZone?: string;
    weekStart?: string;
    source?: string;
    revision?: number | null;
    hours?: Schemas["WeekHour"][];
    endings?: Schemas["WeekEnding"][];
  };
  WeekArgs: {
    number: string;
    caller?: string | null;
    week?: string;
    timeZone?: string;
    source?: "published" | "draft";
  };
  WeekEnding: {
    key?: string;
    object?: number | null;
    name?: string;
    outcome?: string;
    hours?: number;
  };
  WeekHour: {
    day?: number;
    hour?: number;
    at?: string;
    ending?: string;
  };
  WizardContact: {
    contact: Schemas["ContactCreate"];
    internalNumber?: (Schemas["InternalNumberStep"] | null);
    phoneNumber: Schemas["PhoneNumberStep"];
    tab: Schemas["TabStep"];
    device: Schemas["DeviceStep"];
    publish?: boolean;
    publishMessage?: string | null;
  };
  WizardOptions: {
    internalNumbers?: Schemas["NumberOption"][];
    phoneNumbers?: Schemas["NumberOption"][];
    tabs?: Schemas["TabOption"][];
    sipAccounts?: Schemas["SipAccountOption"][];
  };
  WizardResult: {
    contact?: Schemas["Contact"];
    device?: Schemas["Device"];
    activation?: Schemas["Activation"];
    tab?: Schemas["Tab"];
    objects?: Schemas["Object"][];
    cables?: Schemas["Cable"][];
    draftVersion?: number;
    published?: number | null;
    problems?: Schemas["PublishProblem"][];
  };
}

/** Per path and method: the JSON body sent and the success response. */
export interface Paths {
  "/api/v1/account/settings": {
    get: {
      body: never;
      response: Schemas["AccountSettings"];
    };
    patch: {
      body: Schemas["AccountSettingsUpdate"];
      response: Schemas["AccountSettings"];
    };
  };
  "/api/v1/activity": {
    get: {
      body: never;
      response: Schemas["AuditEntryList"];
    };
  };
  "/api/v1/audio-files": {
    get: {
      body: never;
      response: Schemas["AudioFileList"];
    };
    post: {
      body: {
        name?: string;
        file: Blob;
      };
      response: Schemas["AudioFile"];
    };
  };
  "/api/v1/audio-files/{audio_id}": {
    get: {
      body: never;
      response: Schemas["AudioFile"];
    };
    patch: {
      body: Schemas["AudioFileUpdate"];
      response: Schemas["AudioFile"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/audio-files/{audio_id}/content": {
    get: {
      body: never;
      response: unknown;
    };
  };
  "/api/v1/auth/confirm": {
    post: {
      body: Schemas["Confirm"];
      response: Schemas["Message"];
    };
  };
  "/api/v1/auth/invitation": {
    post: {
      body: Schemas["AcceptInvitation"];
      response: Schemas["SessionInfo"];
    };
  };
  "/api/v1/auth/login": {
    post: {
      body: Schemas["Login"];
      response: Schemas["SessionInfo"];
    };
  };
  "/api/v1/auth/logout": {
    post: {
      body: never;
      response: void;
    };
  };
  "/api/v1/auth/me": {
    get: {
      body: never;
      response: Schemas["SessionInfo"];
    };
  };
  "/api/v1/auth/password": {
    post: {
      body: Schemas["PasswordChange"];
      response: void;
    };
  };
  "/api/v1/auth/register": {
    post: {
      body: Schemas["Register"];
      response: Schemas["Message"];
    };
  };
  "/api/v1/auth/tokens": {
    get: {
      body: never;
      response: Schemas["ApiToken"][];
    };
    post: {
      body: Schemas["ApiTokenCreate"];
      response: Schemas["ApiTokenCreated"];
    };
  };
  "/api/v1/auth/tokens/{token_id}": {
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/cables": {
    get: {
      body: never;
      response: Schemas["CableList"];
    };
    post: {
      body: Schemas["CableCreate"];
      response: Schemas["Cable"];
    };
  };
  "/api/v1/cables/{cable_id}": {
    get: {
      body: never;
      response: Schemas["Cable"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/calls": {
    get: {
      body: never;
      response: Schemas["CallList"];
    };
  };
  "/api/v1/calls/revisions": {
    get: {
      body: never;
      response: Schemas["RevisionCallsList"];
    };
  };
  "/api/v1/calls/{call_id}": {
    get: {
      body: never;
      response: Schemas["CallDetail"];
    };
  };
  "/api/v1/contacts": {
    get: {
      body: never;
      response: Schemas["ContactList"];
    };
    post: {
      body: Schemas["ContactCreate"];
      response: Schemas["Contact"];
    };
  };
  "/api/v1/contacts/export": {
    get: {
      body: never;
      response: void;
    };
  };
  "/api/v1/contacts/import": {
    post: {
      body: Schemas["ContactsImport"];
      response: Schemas["ContactsImportResult"];
    };
  };
  "/api/v1/contacts/{contact_id}": {
    get: {
      body: never;
      response: Schemas["Contact"];
    };
    patch: {
      body: Schemas["ContactUpdate"];
      response: Schemas["Contact"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/contacts/{contact_id}/call-center": {
    get: {
      body: never;
      response: Schemas["CallCenter"];
    };
    patch: {
      body: Schemas["CallCenterUpdate"];
      response: Schemas["CallCenter"];
    };
  };
  "/api/v1/contacts/{contact_id}/methods": {
    get: {
      body: never;
      response: Schemas["ContactMethodList"];
    };
    post: {
      body: Schemas["ContactMethodCreate"];
      response: Schemas["ContactMethod"];
    };
  };
  "/api/v1/contacts/{contact_id}/methods/{method_id}": {
    get: {
      body: never;
      response: Schemas["ContactMethod"];
    };
    patch: {
      body: Schemas["ContactMethodUpdate"];
      response: Schemas["ContactMethod"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/delivery-methods": {
    get: {
      body: never;
      response: Schemas["DeliveryMethodList"];
    };
    post: {
      body: Schemas["DeliveryMethodCreate"];
      response: Schemas["DeliveryMethod"];
    };
  };
  "/api/v1/delivery-methods/test": {
    post: {
      body: Schemas["DeliveryMethodCreate"];
      response: Schemas["ConnectionTest"];
    };
  };
  "/api/v1/delivery-methods/{method_id}": {
    get: {
      body: never;
      response: Schemas["DeliveryMethod"];
    };
    patch: {
      body: Schemas["DeliveryMethodUpdate"];
      response: Schemas["DeliveryMethod"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/delivery-methods/{method_id}/test": {
    post: {
      body: Schemas["DeliveryMethodTest"];
      response: Schemas["ConnectionTest"];
    };
  };
  "/api/v1/devices": {
    get: {
      body: never;
      response: Schemas["DeviceList"];
    };
    post: {
      body: Schemas["DeviceCreate"];
      response: Schemas["Device"];
    };
  };
  "/api/v1/devices/{device_id}": {
    get: {
      body: never;
      response: Schemas["Device"];
    };
    patch: {
      body: Schemas["DeviceUpdate"];
      response: Schemas["Device"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/devices/{device_id}/activation": {
    get: {
      body: never;
      response: Schemas["DeviceActivation"];
    };
  };
  "/api/v1/devices/{device_id}/activation/qr.png": {
    get: {
      body: never;
      response: void;
    };
  };
  "/api/v1/devices/{device_id}/activation/qr.svg": {
    get: {
      body: never;
      response: void;
    };
  };
  "/api/v1/devices/{device_id}/activation/reset": {
    post: {
      body: never;
      response: Schemas["DeviceActivation"];
    };
  };
  "/api/v1/devices/{device_id}/activation/send": {
    post: {
      body: Schemas["DeviceActivationSend"];
      response: Schemas["DeviceActivation"];
    };
  };
  "/api/v1/devices/{device_id}/effective-config": {
    get: {
      body: never;
      response: Schemas["EffectiveConfig"];
    };
  };
  "/api/v1/devices/{device_id}/move": {
    post: {
      body: Schemas["DeviceMove"];
      response: Schemas["Device"];
    };
  };
  "/api/v1/directory": {
    get: {
      body: never;
      response: Schemas["Directory"];
    };
  };
  "/api/v1/feature-codes": {
    get: {
      body: never;
      response: Schemas["FeatureCodeList"];
    };
    post: {
      body: Schemas["FeatureCodeCreate"];
      response: Schemas["FeatureCode"];
    };
  };
  "/api/v1/feature-codes/{code_id}": {
    get: {
      body: never;
      response: Schemas["FeatureCode"];
    };
    patch: {
      body: Schemas["FeatureCodeUpdate"];
      response: Schemas["FeatureCode"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/numbers/internal": {
    get: {
      body: never;
      response: Schemas["InternalNumberList"];
    };
    post: {
      body: Schemas["InternalNumberCreate"];
      response: Schemas["InternalNumber"];
    };
  };
  "/api/v1/numbers/internal/{number_id}": {
    get: {
      body: never;
      response: Schemas["InternalNumber"];
    };
    patch: {
      body: Schemas["InternalNumberUpdate"];
      response: Schemas["InternalNumber"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/numbers/phone": {
    get: {
      body: never;
      response: Schemas["PhoneNumberList"];
    };
    post: {
      body: Schemas["PhoneNumberCreate"];
      response: Schemas["PhoneNumber"];
    };
  };
  "/api/v1/numbers/phone/{number_id}": {
    get: {
      body: never;
      response: Schemas["PhoneNumber"];
    };
    patch: {
      body: Schemas["PhoneNumberUpdate"];
      response: Schemas["PhoneNumber"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/object-types": {
    get: {
      body: never;
      response: Schemas["ObjectTypeList"];
    };
  };
  "/api/v1/objects": {
    get: {
      body: never;
      response: Schemas["ObjectList"];
    };
    post: {
      body: Schemas["ObjectCreate"];
      response: Schemas["Object"];
    };
  };
  "/api/v1/objects/{object_id}": {
    get: {
      body: never;
      response: Schemas["Object"];
    };
    patch: {
      body: Schemas["ObjectUpdate"];
      response: Schemas["Object"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/objects/{object_id}/position": {
    patch: {
      body: Schemas["Position"];
      response: Schemas["Object"];
    };
  };
  "/api/v1/providers": {
    get: {
      body: never;
      response: Schemas["ProviderList"];
    };
    post: {
      body: Schemas["ProviderCreate"];
      response: Schemas["Provider"];
    };
  };
  "/api/v1/providers/{provider_id}": {
    get: {
      body: never;
      response: Schemas["Provider"];
    };
    patch: {
      body: Schemas["ProviderUpdate"];
      response: Schemas["Provider"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/recordings": {
    get: {
      body: never;
      response: Schemas["CallRecordingList"];
    };
  };
  "/api/v1/recordings/{recording_id}": {
    get: {
      body: never;
      response: Schemas["CallRecording"];
    };
  };
  "/api/v1/recordings/{recording_id}/audio": {
    get: {
      body: never;
      response: unknown;
    };
  };
  "/api/v1/recordings/{recording_id}/retry": {
    post: {
      body: never;
      response: Schemas["CallRecording"];
    };
  };
  "/api/v1/revisions": {
    get: {
      body: never;
      response: Schemas["RevisionList"];
    };
  };
  "/api/v1/revisions/{number}": {
    get: {
      body: never;
      response: Schemas["RevisionDetail"];
    };
  };
  "/api/v1/revisions/{number}/plan": {
    get: {
      body: never;
      response: Schemas["Plan"];
    };
  };
  "/api/v1/revisions/{number}/rollback": {
    post: {
      body: Schemas["Rollback"];
      response: Schemas["PublishResult"];
    };
  };
  "/api/v1/revisions/{old}/diff/{new}": {
    get: {
      body: never;
      response: Schemas["RevisionDiff"];
    };
  };
  "/api/v1/schedules": {
    get: {
      body: never;
      response: Schemas["ScheduleList"];
    };
    post: {
      body: Schemas["ScheduleCreate"];
      response: Schemas["Schedule"];
    };
  };
  "/api/v1/schedules/{schedule_id}": {
    get: {
      body: never;
      response: Schemas["Schedule"];
    };
    patch: {
      body: Schemas["ScheduleUpdate"];
      response: Schemas["Schedule"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/simulate": {
    post: {
      body: Schemas["Simulate"];
      response: Schemas["Simulation"];
    };
  };
  "/api/v1/simulate/week": {
    post: {
      body: Schemas["WeekArgs"];
      response: Schemas["Week"];
    };
  };
  "/api/v1/sip-accounts": {
    get: {
      body: never;
      response: Schemas["SipAccountList"];
    };
    post: {
      body: Schemas["SipAccountCreate"];
      response: Schemas["SipAccount"];
    };
  };
  "/api/v1/sip-accounts/{sip_account_id}": {
    get: {
      body: never;
      response: Schemas["SipAccount"];
    };
    patch: {
      body: Schemas["SipAccountUpdate"];
      response: Schemas["SipAccount"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/tabs": {
    get: {
      body: never;
      response: Schemas["TabList"];
    };
    post: {
      body: Schemas["TabCreate"];
      response: Schemas["Tab"];
    };
  };
  "/api/v1/tabs/{tab_id}": {
    get: {
      body: never;
      response: Schemas["Tab"];
    };
    patch: {
      body: Schemas["TabUpdate"];
      response: Schemas["Tab"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/team": {
    get: {
      body: never;
      response: Schemas["Member"][];
    };
    post: {
      body: Schemas["Invite"];
      response: Schemas["Member"];
    };
  };
  "/api/v1/team/{member_id}": {
    patch: {
      body: Schemas["RoleChange"];
      response: Schemas["Member"];
    };
    delete: {
      body: never;
      response: void;
    };
  };
  "/api/v1/team/{member_id}/resend": {
    post: {
      body: never;
      response: Schemas["Member"];
    };
  };
  "/api/v1/wizard/contact": {
    post: {
      body: Schemas["WizardContact"];
      response: Schemas["WizardResult"];
    };
  };
  "/api/v1/wizard/contact/options": {
    get: {
      body: never;
      response: Schemas["WizardOptions"];
    };
  };
  "/api/v1/workspace/draft": {
    get: {
      body: never;
      response: Schemas["Draft"];
    };
  };
  "/api/v1/workspace/export": {
    get: {
      body: never;
      response: Schemas["Document"];
    };
  };
  "/api/v1/workspace/import": {
    post: {
      body: Schemas["Import"];
      response: Schemas["ImportResult"];
    };
  };
  "/api/v1/workspace/pending": {
    get: {
      body: never;
      response: Schemas["Pending"];
    };
  };
  "/api/v1/workspace/publish": {
    post: {
      body: Schemas["Publish"];
      response: Schemas["PublishResult"];
    };
  };
  "/api/v1/workspace/publish-preview": {
    get: {
      body: never;
      response: Schemas["PublishPreview"];
    };
  };
  "/api/v1/workspace/state": {
    get: {
      body: never;
      response: Schemas["State"];
    };
  };
  "/api/v1/workspace/validate": {
    post: {
      body: never;
      response: Schemas["ValidationResult"];
    };
  };
  "/device/v1/activate": {
    post: {
      body: Schemas["Activate"];
      response: Schemas["Activated"];
    };
  };
  "/device/v1/config": {
    get: {
      body: never;
      response: void;
    };
  };
  "/device/v1/directory": {
    get: {
      body: never;
      response: Schemas["Directory"];
    };
  };
  "/device/v1/heartbeat": {
    post: {
      body: Schemas["Heartbeat"];
      response: Schemas["HeartbeatResult"];
    };
  };
  "/device/v1/recordings": {
    post: {
      body: {
        file: Blob;
        direction: "inbound" | "outbound";
        scope: "internal" | "external";
        onDemand?: boolean;
        remoteNumber: string;
        localNumber?: string | null;
        startedAt: string;
        durationS?: number | null;
        contact?: number | null;
      };
      response: Schemas["RecordingAccepted"];
    };
  };
  "/sip/v1/events": {
    post: {
      body: Schemas["EventBatch"];
      response: Schemas["IngestResult"];
    };
  };
}
