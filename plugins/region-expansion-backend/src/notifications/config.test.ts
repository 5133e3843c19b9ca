import { ConfigReader } from '@backstage/config';
import { readNotificationsConfig } from './config';

const read = (notifications: object) =>
  readNotificationsConfig(
    new ConfigReader({ regionExpansion: { notifications } }),
  );

describe('readNotificationsConfig', () => {
  it('defaults to a 7-day waiver window, a 24-hour stale window, campaign slips once the date passed and no auditors group', () => {
    expect(readNotificationsConfig(new ConfigReader({}))).toEqual({
      waiverExpiryDays: 7,
      governanceStaleAfterHours: 24,
      campaignSlipDays: 0,
      auditorsGroup: undefined,
    });
  });

  it('reads a short auditors group name as a group entity ref', () => {
    expect(read({ auditorsGroup: 'auditors' }).auditorsGroup).toBe(
      'group:default/auditors',
    );
  });

  it.each([
    [{ waiverExpiryDays: -1 }, /notifications\.waiverExpiryDays: '-1'/],
    [
      { governanceStaleAfterHours: -2 },
      /notifications\.governanceStaleAfterHours: '-2'/,
    ],
    [{ campaignSlipDays: -3 }, /notifications\.campaignSlipDays: '-3'/],
    [{ auditorsGroup: 'group:' }, /notifications\.auditorsGroup: 'group:'/],
  ])('refuses %j, naming the key', (notifications, message) => {
    expect(() => read(notifications)).toThrow(message);
  });
});
