import { ConfigReader } from '@backstage/config';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import permissionBackend from '@backstage/plugin-permission-backend';
import request from 'supertest';
import policyModule, { decideForRole, RoleAssignments } from '.';

const rolesConfig = {
  permission: {
    enabled: true,
    regionExpansion: {
      defaultRole: 'none',
      roles: {
        'platform-admin': [{ members: ['group:default/platform-team'] }],
        auditor: [{ members: ['user:default/audrey'] }],
        engineer: [{ members: ['group:default/engineering'] }],
      },
    },
  },
};

const read = (name: string) => ({ name, attributes: { action: 'read' } });
const update = (name: string) => ({ name, attributes: { action: 'update' } });
const create = (name: string) => ({ name, attributes: { action: 'create' } });

describe('decideForRole', () => {
  it.each([
    ['platform-admin', update('region-expansion.cell.manage'), 'ALLOW'],
    ['platform-admin', create('catalog.entity.create'), 'ALLOW'],
    ['auditor', read('region-expansion.cell.read'), 'ALLOW'],
    ['auditor', read('catalog.entity.read'), 'ALLOW'],
    ['auditor', update('region-expansion.cell.manage'), 'DENY'],
    ['auditor', create('catalog.entity.create'), 'DENY'],
    ['auditor', read('region-expansion.governance.export'), 'ALLOW'],
    ['auditor', update('region-expansion.governance.export'), 'ALLOW'],
    ['engineer', read('region-expansion.tenant.read'), 'ALLOW'],
    ['engineer', update('region-expansion.tenant.manage'), 'DENY'],
    ['engineer', create('region-expansion.placement.execute'), 'ALLOW'],
    ['engineer', read('region-expansion.governance.export'), 'DENY'],
    ['engineer', create('scaffolder.task.create'), 'ALLOW'],
    ['none', read('catalog.entity.read'), 'DENY'],
    // Launch campaigns: the platform admin manages them, the others read.
    ['platform-admin', update('region-expansion.campaign.manage'), 'ALLOW'],
    ['auditor', update('region-expansion.campaign.manage'), 'DENY'],
    ['engineer', update('region-expansion.campaign.manage'), 'DENY'],
    ['auditor', read('region-expansion.campaign.read'), 'ALLOW'],
    ['engineer', read('region-expansion.campaign.read'), 'ALLOW'],
  ] as const)('%s, %j → %s', (role, permission, expected) => {
    expect(decideForRole(role, permission)).toBe(AuthorizeResult[expected]);
  });
});

describe('RoleAssignments', () => {
  const roles = RoleAssignments.fromConfig(new ConfigReader(rolesConfig));

  it('gives the most privileged role held through any ref', () => {
    expect(
      roles.roleOf(['user:default/bob', 'group:default/engineering']),
    ).toBe('engineer');
    expect(
      roles.roleOf([
        'group:default/engineering',
        'group:default/Platform-Team',
      ]),
    ).toBe('platform-admin');
    expect(roles.roleOf(['user:default/audrey'])).toBe('auditor');
  });

  it('falls back to the default role', () => {
    expect(roles.roleOf(['user:default/nobody'])).toBe('none');
  });

  it('rejects an unknown default role, naming the key', () => {
    expect(() =>
      RoleAssignments.fromConfig(
        new ConfigReader({
          permission: { regionExpansion: { defaultRole: 'root' } },
        }),
      ),
    ).toThrow(/permission\.regionExpansion\.defaultRole: 'root'/);
  });
});

describe('role-based policy in a running backend', () => {
  it('answers authorize requests per role', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionBackend,
        policyModule,
        mockServices.rootConfig.factory({ data: rolesConfig }),
      ],
    });
    const authorize = (userRef: string, name: string, action: string) =>
      request(server)
        .post('/api/permission/authorize')
        .set('Authorization', mockCredentials.user.header(userRef))
        .send({
          items: [
            {
              id: '1',
              permission: { type: 'basic', name, attributes: { action } },
            },
          ],
        });

    const auditorUpdate = await authorize(
      'user:default/audrey',
      'region-expansion.cell.manage',
      'update',
    );
    expect(auditorUpdate.status).toBe(200);
    expect(auditorUpdate.body.items[0].result).toBe(AuthorizeResult.DENY);

    const auditorRead = await authorize(
      'user:default/audrey',
      'region-expansion.cell.read',
      'read',
    );
    expect(auditorRead.body.items[0].result).toBe(AuthorizeResult.ALLOW);

    const strangerRead = await authorize(
      'user:default/stranger',
      'catalog.entity.read',
      'read',
    );
    expect(strangerRead.body.items[0].result).toBe(AuthorizeResult.DENY);
  });
});
