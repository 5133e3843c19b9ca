import { athenaService } from './athena/handlers';
import { auditManagerService } from './auditManager/handlers';
import { cloudTrailService } from './cloudTrail/handlers';
import { configService } from './config/handlers';
import { costExplorerService } from './costExplorer/handlers';
import { kmsService } from './kms/handlers';
import { organizationsService } from './organizations/handlers';
import { pricingService } from './pricing/handlers';
import { resilienceHubService } from './resilienceHub/handlers';
import { securityHubService } from './securityHub/handlers';
import { ssmService } from './ssm/handlers';
import { stsService } from './sts/handlers';
import type { SimulatedService } from './types';

/** Every simulated service; a request for any other falls through. */
export const SIMULATED_SERVICES: readonly SimulatedService[] = [
  securityHubService,
  resilienceHubService,
  auditManagerService,
  configService,
  ssmService,
  pricingService,
  stsService,
  cloudTrailService,
  athenaService,
  organizationsService,
  kmsService,
  costExplorerService,
];
