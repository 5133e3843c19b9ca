import type { FaultInjector } from '../faults';
import type { GlobalInfrastructureSnapshot } from '../globalInfrastructure';
import type { SimulatedAccount, SyntheticOrganization } from '../organization';
import type { SimulatedRequest } from '../protocol';

/** The wire protocol of a service, which decides how its errors look. */
export type WireProtocol = 'restJson1' | 'awsJson1_1' | 'awsQuery';

/** One recognised operation of a request, and how to answer it. */
export interface SimulatedOperation {
  /** API operation name, e.g. `GetFindings` (counted and rate-limited by it). */
  operation: string;
  respond(): Response;
}

/** What a service's handler gets for one request. */
export interface ServiceRequestContext {
  org: SyntheticOrganization;
  req: SimulatedRequest;
  /** The `X-Amz-Target` header of awsJson requests; empty when absent. */
  target: string;
  faults: FaultInjector;
  globalInfrastructure?: GlobalInfrastructureSnapshot;
}

/**
 * One simulated AWS service: how requests are recognised and answered, and
 * the error codes its protocol uses for throttling and server faults.
 */
export interface SimulatedService {
  /** SigV4 signing name, e.g. `securityhub`. */
  signingName: string;
  /** First label(s) of its endpoint host, e.g. `securityhub.` (requests without a SigV4 scope). */
  hostPrefix: string;
  protocol: WireProtocol;
  /** HTTP status and error type of a throttled request. */
  throttle: [number, string];
  /** Error type of a simulated server fault (HTTP 500). */
  serverError: string;
  /**
   * Whether a request to a Region the organization does not use is still
   * answered (in the organization's first partition): global or
   * Region-agnostic APIs.
   */
  anyRegion?: boolean;
  /** Whether AccessDenied is modelled for denied accounts (STS models its own). */
  deniesAccess: boolean;
  /** Accounts a request names besides the caller (a denied one is refused). */
  accountsNamed?(body: string): string[];
  /** The operation a request asks for; `undefined` when not simulated. */
  route(ctx: ServiceRequestContext): SimulatedOperation | undefined;
}

/**
 * Where one generated record of a service sits: its position in the
 * organization (`index`, from which ids derive), the account and Region it
 * belongs to, its position among the account's records (`ordinal`), and the
 * organization's seed, base time and random stream.
 */
export interface GeneratedRecordSlot {
  seed: number;
  index: number;
  account: SimulatedAccount;
  region: string;
  ordinal: number;
  baseTime: number;
  random: () => number;
}
