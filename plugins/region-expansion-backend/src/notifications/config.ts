import { RootConfigService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Notification settings read from `regionExpansion.notifications`.
 *
 * @public
 */
export interface NotificationsConfig {
  /** A waiver expiring within this many days of an evaluation notifies. */
  waiverExpiryDays: number;
  /** A stale governance target notifies once its last success is this old. */
  governanceStaleAfterHours: number;
  /**
   * A campaign gate not passed notifies when fewer than this many days
   * remain before the end of the target date; 0: once the date has passed.
   */
  campaignSlipDays: number;
  /** Group entity ref that receives every notification, if set. */
  auditorsGroup?: string;
}

function positive(
  config: RootConfigService,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(
      `Invalid config at ${key}: '${value}' must be a number, at least 0`,
    );
  }
  return value;
}

/**
 * Reads `regionExpansion.notifications`; invalid values stop the start
 * with the key named.
 *
 * @public
 */
export function readNotificationsConfig(
  config: RootConfigService,
): NotificationsConfig {
  const prefix = 'regionExpansion.notifications';
  const group = config.getOptionalString(`${prefix}.auditorsGroup`);
  let auditorsGroup: string | undefined;
  if (group) {
    try {
      auditorsGroup = stringifyEntityRef(
        parseEntityRef(group, { defaultKind: 'group' }),
      );
    } catch (e) {
      throw new Error(
        `Invalid config at ${prefix}.auditorsGroup: '${group}' is not an entity ref (${
          (e as Error).message
        })`,
      );
    }
  }
  return {
    waiverExpiryDays: positive(config, `${prefix}.waiverExpiryDays`, 7),
    governanceStaleAfterHours: positive(
      config,
      `${prefix}.governanceStaleAfterHours`,
      24,
    ),
    campaignSlipDays: positive(config, `${prefix}.campaignSlipDays`, 0),
    auditorsGroup,
  };
}
