// The only module that talks to the backend. Components call these functions,
// which unwrap tauri-specta's Result into data or throw an ApiError carrying
// the backend's IpcError (kind, message, cause → fix → where).
import { Channel } from "@tauri-apps/api/core";
import { commands, STEPS } from "../bindings";
import type {
  AdminStatus,
  AuditReading,
  CertificateMapped,
  CertificatePlan,
  EmployeeCreated,
  EmployeeInput,
  EmployeePlan,
  OffboardPlan,
  Offboarded,
  IntacctOffboardPlan,
  IntacctOffboarded,
  AppInfo,
  AuthMethod,
  CheckResult,
  Client,
  ClientChange,
  Comparison,
  ConnectorProfile,
  CredentialIdentity,
  Exported,
  LocalZone,
  ImportedProfile,
  PathKind,
  ProfileIssue,
  ProfileSource,
  RunRecord,
  RunRef,
  SetupExpiries,
  SetupProfile,
  Diagnosis,
  ErrorKind,
  IpcError,
  KeyExport,
  M2mAlgorithm,
  M2mCertificate,
  VendorCertificate,
  MaintainPractice,
  NewSetup,
  OwnerOutcome,
  PendingCertificate,
  PracticeFix,
  OAuthEvent,
  OAuthField,
  OAuthLaunch,
  OAuthStatus,
  PracticeUpload,
  ReconsentState,
  PracticeValue,
  RotationOutcome,
  RotationState,
  RunEvent,
  ScenarioInfo,
  SecretKey,
  SecretSpec,
  Setup,
  SetupChange,
  SetupReminders,
  SetupSummary,
  SimLog,
} from "../bindings";

/** What every generated command resolves to (tauri-specta's typed-error shape). */
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** The wizard steps of every flow, defined once in Rust (onramp_core::steps). */
export { STEPS };

export type {
  AdminChange,
  AdminStatus,
  AuditFinding,
  AuditReading,
  CertificateMapped,
  CertificatePlan,
  EmployeeCreated,
  EmployeeInput,
  EmployeePlan,
  OffboardPlan,
  IntacctOffboardPlan,
  IntacctOffboarded,
  IntacctUserView,
  Offboarded,
  Preview,
  SlotView,
  AdminLevel,
  AppInfo,
  AuthMethod,
  Change,
  ChangeArea,
  CheckResult,
  CheckStatus,
  Client,
  ClientChange,
  Comparison,
  ConnectorProfile,
  CredentialIdentity,
  Expiry,
  Exported,
  LocalZone,
  ImportedProfile,
  IntacctObject,
  NsFeature,
  NsLevel,
  NsPermission,
  PathKind,
  ProfileIssue,
  ProfileSource,
  RunRecord,
  RunRef,
  SetupExpiries,
  SetupFacts,
  SetupProfile,
  Diagnosis,
  DiffStatus,
  Environment,
  Erp,
  ErrorKind,
  IpcError,
  KeyExport,
  KeychainStatus,
  M2mAlgorithm,
  M2mCertificate,
  VendorCertificate,
  MaintainPractice,
  NewSetup,
  OwnerOutcome,
  OwnerProof,
  PendingCertificate,
  OAuthEvent,
  OAuthField,
  OAuthLaunch,
  OAuthStatus,
  ReconsentState,
  PermissionDiff,
  PermissionDiffRow,
  PracticeFix,
  PracticeUpload,
  PracticeValue,
  Reminder,
  ReminderKind,
  Rotation,
  RotationOutcome,
  RotationState,
  RunEvent,
  RunSummary,
  ScenarioInfo,
  SecretKey,
  SecretSpec,
  Setup,
  SetupChange,
  FieldChange,
  PermissionMode,
  SetupFields,
  SetupReminders,
  SetupStatus,
  SetupSummary,
  StagedSecret,
  StepDef,
  StepStatus,
  SimLog,
  StoreRecovery,
} from "../bindings";

/** Error kinds the UI can meet: the backend's, plus "no backend at all". */
export type ApiErrorKind = ErrorKind | "backend_unavailable";

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly diagnosis: Diagnosis | null;

  constructor(kind: ApiErrorKind, message: string, diagnosis: Diagnosis | null = null) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.diagnosis = diagnosis;
  }

  static fromIpc(e: IpcError): ApiError {
    return new ApiError(e.kind, e.message, e.diagnosis ?? null);
  }
}

const UNAVAILABLE_DIAGNOSIS: Diagnosis = {
  cause: "This window is not connected to the Onramp app, so nothing can be saved or checked.",
  fix: "Open Onramp from the desktop app. In a plain browser the screens are shown for development only.",
  where: "",
};

/** True inside the Tauri webview (or under @tauri-apps/api/mocks in tests). */
export function backendAvailable(): boolean {
  const internals = (window as { __TAURI_INTERNALS__?: { invoke?: unknown } }).__TAURI_INTERNALS__;
  return typeof internals?.invoke === "function";
}

export function unavailableError(): ApiError {
  return new ApiError("backend_unavailable", "The Onramp backend is unavailable.", UNAVAILABLE_DIAGNOSIS);
}

async function call<T>(run: () => Promise<Result<T, IpcError>>): Promise<T> {
  if (!backendAvailable()) throw unavailableError();
  let result: Result<T, IpcError>;
  try {
    result = await run();
  } catch (e) {
    // A thrown Error means the IPC layer itself failed (e.g. unknown command).
    throw new ApiError("internal", e instanceof Error ? e.message : String(e));
  }
  if (result.status === "error") throw ApiError.fromIpc(result.error);
  return result.data;
}

/** Any thrown value as an ApiError, so every failure can show cause → fix → where. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError("internal", e instanceof Error ? e.message : String(e));
}

/** CheckResult flattens its optional diagnosis into cause/fix/where; gather it back. */
export function diagnosisOf(result: CheckResult): Diagnosis | null {
  if (!("cause" in result)) return null;
  return { cause: result.cause, fix: result.fix, where: result.where };
}

export const api = {
  appInfo: (): Promise<AppInfo> => call(() => commands.appInfo()),
  listSetups: (): Promise<SetupSummary[]> => call(() => commands.listSetups()),
  getSetup: (id: string): Promise<Setup> => call(() => commands.getSetup(id)),
  createSetup: (input: NewSetup): Promise<Setup> => call(() => commands.createSetup(input)),
  /** One or more narrow changes, made on the stored setup (nothing else it holds is overwritten). */
  changeSetup: (id: string, changes: SetupChange[]): Promise<Setup> => call(() => commands.changeSetup(id, changes)),
  /** Removes a client; its setups stay, under no client. */
  deleteClient: async (id: string): Promise<void> => {
    await call(() => commands.deleteClient(id));
  },
  /** The keychain entries a setup holds, by name (what deleting it removes). */
  setupKeychainItems: (id: string): Promise<string[]> => call(() => commands.setupKeychainItems(id)),
  deleteSetup: async (id: string): Promise<void> => {
    await call(() => commands.deleteSetup(id));
  },
  listClients: (): Promise<Client[]> => call(() => commands.listClients()),
  listProfiles: (): Promise<ConnectorProfile[]> => call(() => commands.listProfiles()),
  /** Built-in Practice scenarios the app can drive. */
  listScenarios: (): Promise<ScenarioInfo[]> => call(() => commands.listScenarios()),
  /** What the Credentials step asks for, for this ERP and sign-in method. */
  secretSpecs: (setup: Pick<Setup, "erp" | "auth_method">): Promise<SecretSpec[]> =>
    call(() => commands.secretSpecs(setup.erp, setup.auth_method)),
  /** A practice setup's simulated (fake, practice-only) credential values. */
  practiceCredentials: (setupId: string): Promise<PracticeValue[]> =>
    call(() => commands.practiceCredentials(setupId)),
  /** NetSuite: the simulated Login Audit Trail; Intacct: the simulator's request log. */
  practiceAuditTrail: (setupId: string): Promise<SimLog> => call(() => commands.practiceAuditTrail(setupId)),
  /** Practice mode: how to put the scenario's fault right, or null when nothing is wrong. */
  practiceFix: (setupId: string): Promise<PracticeFix | null> => call(() => commands.practiceFix(setupId)),
  /** Practice mode: makes that change in the simulated account (or the setup) and returns the setup. */
  applyPracticeFix: (setupId: string): Promise<Setup> => call(() => commands.applyPracticeFix(setupId)),
  /** Write-only: the value goes to the keychain and is never returned. */
  secretSet: async (key: SecretKey, value: string): Promise<void> => {
    await call(() => commands.secretSet(key, value));
  },
  secretExists: (key: SecretKey): Promise<boolean> => call(() => commands.secretExists(key)),
  /**
   * Starts a validation run; events stream to `onEvent` as checks finish. Returns the run id.
   * With `only`, runs just those checks and the ones they need (not recorded as the setup's last run).
   */
  startRun: (setupId: string, onEvent: (event: RunEvent) => void, only: string[] | null = null): Promise<string> =>
    // The channel is made inside `call` so that, without a backend, nothing touches Tauri internals.
    call(() => commands.startRun(setupId, only, null, new Channel<RunEvent>(onEvent))),
  cancelRun: async (runId: string): Promise<void> => {
    await call(() => commands.cancelRun(runId));
  },
  /** NetSuite: saves the setup's sign-in method. */
  oauthSetMethod: async (setupId: string, method: AuthMethod): Promise<void> => {
    await call(() => commands.oauthSetMethod(setupId, method));
  },
  /** NetSuite: saves a non-secret ID copied from NetSuite (Client ID, Certificate ID). */
  oauthSetField: async (setupId: string, field: OAuthField, value: string): Promise<void> => {
    await call(() => commands.oauthSetField(setupId, field, value));
  },
  /** Starts the authorization code flow; a redirect arriving outside the page is reported on `onEvent`. */
  oauthConnect: (setupId: string, onEvent: (event: OAuthEvent) => void): Promise<OAuthLaunch> =>
    call(() => commands.oauthConnect(setupId, new Channel<OAuthEvent>(onEvent))),
  /** Renews a working connection: the new consent's tokens wait beside the working ones until proven. */
  oauthReconsent: (setupId: string, onEvent: (event: OAuthEvent) => void): Promise<OAuthLaunch> =>
    call(() => commands.oauthReconsent(setupId, new Channel<OAuthEvent>(onEvent))),
  reconsentState: (setupId: string): Promise<ReconsentState> => call(() => commands.reconsentState(setupId)),
  /** Proves the new consent with a full run; it replaces the working tokens only if it passes. */
  reconsentProve: (setupId: string, onEvent: (event: RunEvent) => void): Promise<RotationOutcome> =>
    call(() => commands.reconsentProve(setupId, null, new Channel<RunEvent>(onEvent))),
  reconsentDiscard: async (setupId: string): Promise<void> => {
    await call(() => commands.reconsentDiscard(setupId));
  },
  /** The paste fallback: the address the browser showed after Allow. */
  oauthPasteRedirect: (setupId: string, url: string): Promise<OAuthStatus> =>
    call(() => commands.oauthPasteRedirect(setupId, url)),
  oauthStatus: (setupId: string): Promise<OAuthStatus> => call(() => commands.oauthStatus(setupId)),
  oauthRefresh: (setupId: string): Promise<OAuthStatus> => call(() => commands.oauthRefresh(setupId)),
  oauthRevoke: (setupId: string): Promise<OAuthStatus> => call(() => commands.oauthRevoke(setupId)),
  /** A new M2M key pair (private key into the keychain) and its certificate. */
  m2mGenerate: (setupId: string, algorithm: M2mAlgorithm): Promise<M2mCertificate> =>
    call(() => commands.m2mGenerate(setupId, algorithm)),
  m2mCertificate: (setupId: string): Promise<M2mCertificate | null> => call(() => commands.m2mCertificate(setupId)),
  /** Writes the M2M private key for the connector, once per key, after the warning was confirmed. */
  m2mExportKey: (setupId: string, folder: string, acknowledged: boolean): Promise<KeyExport> =>
    call(() => commands.m2mExportKey(setupId, folder, acknowledged)),
  /** Practice mode: uploads the certificate to the simulator; returns the Certificate ID it shows. */
  m2mPracticeUpload: (setupId: string): Promise<PracticeUpload> => call(() => commands.m2mPracticeUpload(setupId)),
  /** Checks a vendor's certificate (they keep the key) and makes it the setup's; refused with why. */
  m2mImportVendorCertificate: (setupId: string, path: string, algorithm: string | null): Promise<VendorCertificate> =>
    call(() => commands.m2mImportVendorCertificate(setupId, path, algorithm)),
  m2mVendorCertificate: (setupId: string): Promise<VendorCertificate | null> =>
    call(() => commands.m2mVendorCertificate(setupId)),
  m2mForgetVendorCertificate: async (setupId: string): Promise<void> => {
    await call(() => commands.m2mForgetVendorCertificate(setupId));
  },
  /** Opens NetSuite's consent page for an administrator; `keep`: keep the sign-in in the keychain until it expires. */
  adminSignIn: (setupId: string, keep: boolean, onEvent: (event: OAuthEvent) => void): Promise<OAuthLaunch> =>
    call(() => commands.adminSignIn(setupId, keep, new Channel<OAuthEvent>(onEvent))),
  adminStatus: (setupId: string): Promise<AdminStatus> => call(() => commands.adminStatus(setupId)),
  adminSignOut: (setupId: string): Promise<AdminStatus> => call(() => commands.adminSignOut(setupId)),
  /** Practice mode: the simulated record an administrator signs in through. */
  adminPracticeClientId: (setupId: string): Promise<string | null> => call(() => commands.adminPracticeClientId(setupId)),
  adminEmployeePlan: (setupId: string, input: EmployeeInput): Promise<EmployeePlan> =>
    call(() => commands.adminEmployeePlan(setupId, input)),
  adminCreateEmployee: (setupId: string, input: EmployeeInput): Promise<EmployeeCreated> =>
    call(() => commands.adminCreateEmployee(setupId, input)),
  adminCertificatePlan: (setupId: string): Promise<CertificatePlan> => call(() => commands.adminCertificatePlan(setupId)),
  adminMapCertificate: (setupId: string, revoke: string[]): Promise<CertificateMapped> =>
    call(() => commands.adminMapCertificate(setupId, revoke)),
  adminReadAudit: (setupId: string): Promise<AuditReading> => call(() => commands.adminReadAudit(setupId)),
  adminOffboardPlan: (setupId: string): Promise<OffboardPlan> => call(() => commands.adminOffboardPlan(setupId)),
  adminOffboard: (setupId: string): Promise<Offboarded> => call(() => commands.adminOffboard(setupId)),
  /** Sage Intacct: the administrator's own user ID and password, write-only into the keychain. */
  intacctAdminStore: async (setupId: string, userId: string, password: string): Promise<void> => {
    await call(() => commands.intacctAdminStore(setupId, userId, password));
  },
  intacctAdminStored: (setupId: string): Promise<boolean> => call(() => commands.intacctAdminStored(setupId)),
  intacctOffboardPlan: (setupId: string): Promise<IntacctOffboardPlan> =>
    call(() => commands.intacctOffboardPlan(setupId)),
  intacctOffboard: (setupId: string): Promise<IntacctOffboarded> => call(() => commands.intacctOffboard(setupId)),
  /** Which user and role the setup's credentials act as. */
  netsuiteIdentity: (setupId: string): Promise<CredentialIdentity> => call(() => commands.netsuiteIdentity(setupId)),
  saveClient: (client: Client): Promise<Client> => call(() => commands.saveClient(client)),
  /** One change to a stored client: rename (unique names) or archive. */
  changeClient: (id: string, change: ClientChange): Promise<Client> => call(() => commands.changeClient(id, change)),
  /** The setup's newest run with every check's result (kept across restarts); null before the first run. */
  getLastRun: (setupId: string): Promise<RunRecord | null> => call(() => commands.getLastRun(setupId)),
  listRuns: (setupId: string): Promise<RunRef[]> => call(() => commands.listRuns(setupId)),
  setupExpiries: (): Promise<SetupExpiries[]> => call(() => commands.setupExpiries()),
  defaultExportDir: (): Promise<string> => call(() => commands.defaultExportDir()),
  /** The system's file chooser, opened where `current` points; null when the user cancels. */
  choosePath: (kind: PathKind, title: string, current: string): Promise<string | null> =>
    call(() => commands.choosePath(kind, title, current)),
  /** Writes the report (HTML + JSON) of the run (null: the newest) into `folder`. */
  exportReport: (setupId: string, runId: string | null, folder: string): Promise<Exported> =>
    call(() => commands.exportReport(setupId, runId, folder)),
  /** Opens the save dialog (starting in `folder`) and writes the report there as a PDF; null when the user cancels. */
  saveReportPdf: (setupId: string, runId: string | null, folder: string, zone: LocalZone): Promise<string | null> =>
    call(() => commands.saveReportPdf(setupId, runId, folder, zone)),
  exportSetupProfile: (setupId: string, runId: string | null, folder: string): Promise<Exported> =>
    call(() => commands.exportSetupProfile(setupId, runId, folder)),
  importSetupProfile: (path: string): Promise<ImportedProfile> => call(() => commands.importSetupProfile(path)),
  /** A new practice setup whose simulator behaves like the profile's account. */
  reproduceSetupProfile: (profile: SetupProfile, label: string | null): Promise<Setup> =>
    call(() => commands.reproduceSetupProfile(profile, label)),
  compareSetupProfiles: (before: ProfileSource, after: ProfileSource): Promise<Comparison> =>
    call(() => commands.compareSetupProfiles(before, after)),
  checkConnectorProfile: (profile: ConnectorProfile): Promise<ProfileIssue[]> =>
    call(() => commands.checkConnectorProfile(profile)),
  saveConnectorProfile: (profile: ConnectorProfile): Promise<ConnectorProfile> =>
    call(() => commands.saveConnectorProfile(profile)),
  deleteConnectorProfile: async (id: string): Promise<void> => {
    await call(() => commands.deleteConnectorProfile(id));
  },
  importConnectorProfile: (path: string): Promise<ConnectorProfile> => call(() => commands.importConnectorProfile(path)),
  exportConnectorProfile: (id: string, folder: string): Promise<string> =>
    call(() => commands.exportConnectorProfile(id, folder)),
  /** Every setup's reminders (expiring credentials, a new NetSuite release) and last validated release. */
  setupReminders: (): Promise<SetupReminders[]> => call(() => commands.setupReminders()),
  /** What the setup's rotation replaces, and which new values are already stored. */
  rotationState: (setupId: string): Promise<RotationState> => call(() => commands.rotationState(setupId)),
  /** Write-only: a new value waits in the keychain beside the working one until a run proves it. */
  rotationStage: async (setupId: string, name: string, value: string): Promise<void> => {
    await call(() => commands.rotationStage(setupId, name, value));
  },
  /** Proves the new values with a full run; they replace the old ones only if it passes. */
  rotationProve: (setupId: string, onEvent: (event: RunEvent) => void): Promise<RotationOutcome> =>
    call(() => commands.rotationProve(setupId, null, new Channel<RunEvent>(onEvent))),
  rotationDiscard: async (setupId: string): Promise<void> => {
    await call(() => commands.rotationDiscard(setupId));
  },
  /** Practice mode: the values the simulated administrator created for the Maintain flows. */
  maintainPractice: (setupId: string): Promise<MaintainPractice> => call(() => commands.maintainPractice(setupId)),
  /** Change of token owner: names the user taking the integration over. */
  ownerBegin: (setupId: string, newUser: string): Promise<Setup> => call(() => commands.ownerBegin(setupId, newUser)),
  /** Proves the new owner's token signs in and acts as them; replaces the old one only then. */
  ownerProve: (setupId: string, onEvent: (event: RunEvent) => void): Promise<OwnerOutcome> =>
    call(() => commands.ownerProve(setupId, null, new Channel<RunEvent>(onEvent))),
  /** M2M: a new key pair (its private key waits in the keychain) and the certificate to map. */
  m2mRotationGenerate: (setupId: string, algorithm: M2mAlgorithm): Promise<PendingCertificate> =>
    call(() => commands.m2mRotationGenerate(setupId, algorithm)),
  m2mRotationCertificateId: async (setupId: string, certificateId: string): Promise<void> => {
    await call(() => commands.m2mRotationCertificateId(setupId, certificateId));
  },
  /** Practice mode: the simulated administrator maps the new certificate; returns its Certificate ID. */
  m2mRotationPracticeUpload: (setupId: string): Promise<PracticeUpload> =>
    call(() => commands.m2mRotationPracticeUpload(setupId)),
  m2mOwnerBegin: (setupId: string, newUser: string, entity: string): Promise<Setup> =>
    call(() => commands.m2mOwnerBegin(setupId, newUser, entity)),
  /** Practice mode, Sage Intacct: the simulated administrator sets the new password stored for the rotation. */
  practiceChangePassword: async (setupId: string): Promise<void> => {
    await call(() => commands.practiceChangePassword(setupId));
  },
  /** M2M: proves the new certificate (and owner) with a full run; replaces the old only then. */
  m2mRotationProve: (setupId: string, onEvent: (event: RunEvent) => void): Promise<OwnerOutcome> =>
    call(() => commands.m2mRotationProve(setupId, null, new Channel<RunEvent>(onEvent))),
};
