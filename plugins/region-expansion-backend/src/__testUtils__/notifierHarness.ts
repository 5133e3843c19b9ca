import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { KnexCampaignStore } from '../campaigns/KnexCampaignStore';
import { storedCampaignGates } from '../notifications/storedCampaignGates';
import { catalogLocationOwners } from '../notifications/catalogLocationOwners';
import { KnexNotificationStateStore } from '../notifications/KnexNotificationStateStore';
import { RegionExpansionNotifier } from '../notifications/RegionExpansionNotifier';
import { migrated } from './database';
import { locationResource } from './locationResource';

export const NOTIFIER_START = new Date('2026-12-06T12:00:00Z');
/** The location whose catalog Resource the harness's catalog holds. */
export const NOTIFIER_LOCATION = 'eu-central-1';
/** The owner of that Resource. */
export const NOTIFIER_LOCATION_OWNER = 'group:default/frankfurt-team';

/** A NotificationService that records what it was asked to send. */
export class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  /** Sends refused before the next one is recorded, as by an unreachable backend. */
  refuseNext = 0;
  async send(options: NotificationSendOptions): Promise<void> {
    if (this.refuseNext > 0) {
      this.refuseNext -= 1;
      throw new Error('connect ECONNREFUSED');
    }
    this.sent.push(options);
  }
}

/**
 * A notifier on a migrated test database with the real state and campaign
 * stores, a catalog holding the location's Resource, recorded sends and a
 * settable clock.
 */
export async function notifierHarness(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  settings: {
    auditorsGroup?: string;
    waiverExpiryDays?: number;
    campaignSlipDays?: number;
  } = {},
) {
  const client = await migrated(await databases.init(databaseId));
  const notifications = new RecordingNotifications();
  const campaignStore = KnexCampaignStore.create({ client });
  let now = NOTIFIER_START;
  const notifier = RegionExpansionNotifier.create({
    notifications,
    store: KnexNotificationStateStore.create({ client }),
    owners: catalogLocationOwners({
      catalog: catalogServiceMock({
        entities: [locationResource(NOTIFIER_LOCATION, 'frankfurt-team')],
      }),
      auth: mockServices.auth(),
    }),
    settings: {
      waiverExpiryDays: settings.waiverExpiryDays ?? 7,
      governanceStaleAfterHours: 24,
      campaignSlipDays: settings.campaignSlipDays ?? 0,
      auditorsGroup: settings.auditorsGroup,
    },
    campaigns: () => storedCampaignGates(campaignStore),
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return {
    notifications,
    notifier,
    campaignStore,
    setNow: (d: Date) => {
      now = d;
    },
  };
}
