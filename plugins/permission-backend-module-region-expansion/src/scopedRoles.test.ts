import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  cellReadPermission,
  governanceExportPermission,
  governanceReadPermission,
  locationReadPermission,
  tenantManagePermission,
} from '@region-expansion/plugin-region-expansion-common';
import { RoleAssignments, RoleBasedPermissionPolicy } from '.';

const config = {
  permission: {
    regionExpansion: {
      roles: {
        auditor: [
          {
            members: ['group:default/eusc-auditors'],
            partitions: ['aws-eusc'],
          },
          {
            members: ['user:default/frank'],
            regions: ['eu-central-1'],
            accounts: ['111122223333'],
          },
        ],
        engineer: [{ members: ['user:default/frank'] }],
      },
    },
  },
};
const policy = new RoleBasedPermissionPolicy(
  RoleAssignments.fromConfig(new ConfigReader(config)),
);
const decide = (ref: string, permission: any) =>
  policy.handle({ permission }, {
    info: { userEntityRef: ref, ownershipEntityRefs: [ref] },
  } as any);
const eusc = 'group:default/eusc-auditors';

describe('a scoped role', () => {
  it('answers CONDITIONAL isInPartition on the resource permissions', async () => {
    for (const permission of [
      locationReadPermission,
      governanceReadPermission,
    ]) {
      expect(await decide(eusc, permission)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'region-expansion',
        resourceType: 'region-expansion-location',
        conditions: {
          rule: 'isInPartition',
          resourceType: 'region-expansion-location',
          params: { partitions: ['aws-eusc'] },
        },
      });
    }
  });

  it('allows the reads the backend scopes through them, denies changes it cannot scope', async () => {
    expect((await decide(eusc, cellReadPermission)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await decide(eusc, governanceExportPermission)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await decide(eusc, tenantManagePermission)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it("keeps the role's decisions on other plugins' permissions", async () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect((await decide(eusc, catalogRead)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('lets a scoped grant add what its role allows, and an unscoped grant win', async () => {
    const frank = await decide(
      'user:default/frank',
      governanceExportPermission,
    );
    // Engineers may not export: only the scoped auditor grant allows it.
    expect(frank.result).toBe(AuthorizeResult.ALLOW);
    // The unscoped engineer grant reads locations everywhere.
    expect(
      (await decide('user:default/frank', locationReadPermission)).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('combines the grants of one user in anyOf, each grant in allOf', async () => {
    const assignments = RoleAssignments.fromConfig(
      new ConfigReader({
        permission: {
          regionExpansion: {
            roles: {
              auditor: [
                { members: ['user:default/gus'], partitions: ['aws-eusc'] },
                {
                  members: ['user:default/gus'],
                  regions: ['eu-central-1'],
                  accounts: ['111122223333'],
                },
              ],
            },
          },
        },
      }),
    );
    const decision = await new RoleBasedPermissionPolicy(assignments).handle(
      { permission: governanceReadPermission },
      { info: { ownershipEntityRefs: ['user:default/gus'] } } as any,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [
          { rule: 'isInPartition', params: { partitions: ['aws-eusc'] } },
          {
            allOf: [
              { rule: 'isInRegion', params: { regions: ['eu-central-1'] } },
              { rule: 'isInAccount', params: { accountIds: ['111122223333'] } },
            ],
          },
        ],
      },
    });
  });
});

describe('bad config fails start-up, naming the key', () => {
  const roles = (value: JsonValue) =>
    new ConfigReader({ permission: { regionExpansion: { roles: value } } });

  it.each([
    [
      'an unknown role',
      { root: [{ members: ['user:default/x'] }] },
      /permission\.regionExpansion\.roles\.root: unknown role/,
    ],
    [
      'empty members',
      { auditor: [{ members: [] }] },
      /permission\.regionExpansion\.roles\.auditor\[0\]\.members: name at least one/,
    ],
    [
      'a bad partition id',
      { auditor: [{ members: ['user:default/x'], partitions: ['EUSC'] }] },
      /permission\.regionExpansion\.roles\.auditor\[0\]\.partitions\[0\]: 'EUSC' must be a partition id/,
    ],
    [
      'an account id of 11 digits',
      { auditor: [{ members: ['user:default/x'], accounts: ['11112222333'] }] },
      /roles\.auditor\[0\]\.accounts\[0\]: '11112222333' must be a 12-digit AWS account id/,
    ],
    [
      'an empty scope list',
      { engineer: [{ members: ['user:default/x'], regions: [] }] },
      /roles\.engineer\[0\]\.regions: leave it out or name at least one/,
    ],
    [
      'an unknown grant key',
      { engineer: [{ members: ['user:default/x'], partition: ['aws'] }] },
      /roles\.engineer\[0\]\.partition: unknown key/,
    ],
  ])('%s', (_, value, message) => {
    expect(() => RoleAssignments.fromConfig(roles(value))).toThrow(message);
  });
});
