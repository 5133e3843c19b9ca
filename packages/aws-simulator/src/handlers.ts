import { delay, http, HttpHandler } from 'msw';
import { AwsSimulatorFaults, FaultInjector } from './faults';
import type { GlobalInfrastructureSnapshot } from './globalInfrastructure';
import type { SyntheticOrganization } from './organization';
import {
  identifyRequest,
  malformedResponse,
  protocolError,
  SimulatedRequest,
} from './protocol';
import { AUDIT_MANAGER_NOT_REGISTERED_MESSAGE } from './services/auditManager/handlers';
import { SIMULATED_SERVICES } from './services';

/**
 * Role the simulator says a denied caller acted as (its credentials name no
 * role): `arn:<partition>:sts::<account>:assumed-role/<this>/region-expansion`.
 *
 * @public
 */
export const SIMULATED_DENIED_ROLE_NAME = 'GovernanceReader';

/**
 * AccessDenied text as IAM writes it, naming the caller's assumed-role ARN
 * (so tests can check it never reaches a reader).
 */
function accessDeniedMessage(req: SimulatedRequest, operation: string) {
  const action = `${req.service}:${operation}`;
  return `User: arn:${req.partition.id}:sts::${req.callerAccountId}:assumed-role/${SIMULATED_DENIED_ROLE_NAME}/region-expansion is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
}

/**
 * Options of {@link createAwsSimulatorHandlers}.
 *
 * @public
 */
export interface AwsSimulatorHandlerOptions {
  /** Data behind SSM global-infrastructure parameters and Price List locations. */
  globalInfrastructure?: GlobalInfrastructureSnapshot;
}

/**
 * msw request handlers that answer AWS SDK requests for Security Hub,
 * Resilience Hub, Audit Manager, AWS Config, SSM, STS, the Price List API
 * and AWS Organizations from a synthetic organization. Requests are recognised by the SigV4
 * credential scope (so any `endpoint` override works) or by the host name;
 * anything else falls through to other handlers.
 *
 * @public
 */
export function createAwsSimulatorHandlers(
  org: SyntheticOrganization,
  faults: AwsSimulatorFaults | FaultInjector = {},
  options: AwsSimulatorHandlerOptions = {},
): HttpHandler[] {
  const injector =
    faults instanceof FaultInjector ? faults : new FaultInjector(faults);
  const knobs = injector.faults;

  return [
    http.all('*', async ({ request }) => {
      const identified = identifyRequest(org, request, SIMULATED_SERVICES);
      if (!identified) return undefined;
      const service = SIMULATED_SERVICES.find(
        s => s.signingName === identified.service,
      )!;
      const req: SimulatedRequest = {
        ...identified,
        body: await request.text(),
      };
      const handler = service.route({
        org,
        req,
        target: req.headers.get('x-amz-target') ?? '',
        faults: injector,
        globalInfrastructure: options.globalInfrastructure,
      });
      if (!handler) {
        return protocolError(
          service.protocol,
          404,
          'UnknownOperationException',
          `${req.method} ${req.url.pathname} is not simulated`,
        );
      }
      injector.count(handler.operation);
      if (knobs.latencyMs) await delay(knobs.latencyMs);
      const named = service.accountsNamed?.(req.body) ?? [];
      if (
        service.deniesAccess &&
        (injector.isDenied(req.callerAccountId) ||
          named.some(id => injector.isDenied(id)))
      ) {
        return protocolError(
          service.protocol,
          service.protocol === 'awsJson1_1' ? 400 : 403,
          service.protocol === 'awsQuery'
            ? 'AccessDenied'
            : 'AccessDeniedException',
          accessDeniedMessage(req, handler.operation),
        );
      }
      if (
        !injector.admit(req.callerAccountId, req.region, handler.operation) ||
        injector.rollThrottle()
      ) {
        return protocolError(
          service.protocol,
          service.throttle[0],
          service.throttle[1],
          'Rate exceeded',
        );
      }
      if (injector.rollServerError()) {
        return protocolError(
          service.protocol,
          500,
          service.serverError,
          'We encountered an internal error. Please try again.',
        );
      }
      const response = handler.respond();
      if (response.status === 200 && injector.rollMalformed()) {
        return malformedResponse(
          response.headers.get('content-type') ?? 'application/json',
        );
      }
      return response;
    }),
  ];
}

export { AUDIT_MANAGER_NOT_REGISTERED_MESSAGE };
