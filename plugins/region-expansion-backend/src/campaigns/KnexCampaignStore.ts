import type {
  Campaign,
  CampaignGateChange,
} from '@region-expansion/plugin-region-expansion-common';
import type { CampaignPlacement } from '@region-expansion/plugin-region-expansion-node';
import type { Knex } from 'knex';
import { KnexStore } from '../database/KnexStore';
import {
  insertTransaction,
  writeTransaction,
} from '../database/writeTransaction';
import type {
  CampaignCostApprovalRecord,
  CampaignStore,
} from './CampaignStore';

type CampaignRow = {
  id: string;
  location_id: string;
  owner: string;
  target_date: string;
  created_at: string | Date;
  created_by: string;
  plan: string;
  gates: string;
  required_readiness_level: string;
  cost_approval: string | null;
};

type GateHistoryRow = {
  id?: number | string;
  campaign_id: string;
  gate_id: string;
  state: string;
  reason: string;
  at: string | Date;
};

type PayingRow = {
  campaign_id: string;
  tenant_id: string;
  paying_since: string;
  recorded_by: string;
  recorded_at: string | Date;
};

type MoveRow = {
  tenant_id: string;
  cell_id: string;
  from_cell_id: string | null;
  at: string | Date;
  tier: string;
  classification: string;
};

const iso = (value: string | Date) => new Date(value).toISOString();

function toCampaign(row: CampaignRow, paying: PayingRow[]): Campaign {
  return {
    id: row.id,
    locationId: row.location_id,
    owner: row.owner,
    targetDate: row.target_date,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    plan: JSON.parse(row.plan),
    gates: JSON.parse(row.gates),
    requiredReadinessLevel:
      row.required_readiness_level as Campaign['requiredReadinessLevel'],
    ...(row.cost_approval
      ? { costApproval: JSON.parse(row.cost_approval) }
      : {}),
    payingTenants: paying
      .filter(p => p.campaign_id === row.id)
      .map(p => ({ tenantId: p.tenant_id, payingSince: p.paying_since }))
      .sort((a, b) => a.tenantId.localeCompare(b.tenantId)),
  };
}

function historyRows(
  campaignId: string,
  changes: readonly CampaignGateChange[],
): GateHistoryRow[] {
  return changes.map(c => ({
    campaign_id: campaignId,
    gate_id: c.gateId,
    state: c.state,
    reason: c.reason,
    at: c.at,
  }));
}

/** Stays in the location's cells from each tenant's moves, oldest first. */
function staysOf(moves: MoveRow[], cells: Set<string>): CampaignPlacement[] {
  const stays: CampaignPlacement[] = [];
  const open = new Map<string, CampaignPlacement>();
  for (const move of moves) {
    const inside = cells.has(move.cell_id);
    const current = open.get(move.tenant_id);
    if (current && !inside) {
      current.leftAt = iso(move.at);
      open.delete(move.tenant_id);
    } else if (!current && inside) {
      const stay: CampaignPlacement = {
        tenantId: move.tenant_id,
        tier: move.tier,
        classification: move.classification,
        placedAt: iso(move.at),
      };
      stays.push(stay);
      open.set(move.tenant_id, stay);
    }
  }
  return stays;
}

/**
 * The {@link CampaignStore} over the plugin's database (tables `campaigns`,
 * `campaign_gate_history`, `campaign_paying_tenants`).
 *
 * @public
 */
export class KnexCampaignStore extends KnexStore implements CampaignStore {
  async createCampaign(
    campaign: Campaign,
    changes: readonly CampaignGateChange[],
  ): Promise<void> {
    await insertTransaction(this.db, 'campaign', campaign.id, async trx => {
      await trx<CampaignRow>('campaigns').insert({
        id: campaign.id,
        location_id: campaign.locationId,
        owner: campaign.owner,
        target_date: campaign.targetDate,
        created_at: campaign.createdAt,
        created_by: campaign.createdBy,
        plan: JSON.stringify(campaign.plan),
        gates: JSON.stringify(campaign.gates),
        required_readiness_level: campaign.requiredReadinessLevel,
        cost_approval: null,
      });
      if (changes.length > 0)
        await trx('campaign_gate_history').insert(
          historyRows(campaign.id, changes),
        );
    });
  }

  async getCampaign(id: string): Promise<Campaign | undefined> {
    const row = await this.db<CampaignRow>('campaigns').where('id', id).first();
    if (!row) return undefined;
    const paying = await this.db<PayingRow>('campaign_paying_tenants').where(
      'campaign_id',
      id,
    );
    return toCampaign(row, paying);
  }

  async listCampaigns(filter: { locationId?: string }): Promise<Campaign[]> {
    const scoped = (q: Knex.QueryBuilder) =>
      filter.locationId ? q.where('location_id', filter.locationId) : q;
    const rows: CampaignRow[] = await scoped(
      this.db('campaigns').select('*'),
    ).orderBy([
      { column: 'target_date', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    const paying: PayingRow[] = await this.db('campaign_paying_tenants')
      .select('campaign_paying_tenants.*')
      .whereIn(
        'campaign_id',
        rows.map(r => r.id),
      );
    return rows.map(row => toCampaign(row, paying));
  }

  async appendGateChanges(
    campaignId: string,
    changes: readonly CampaignGateChange[],
  ): Promise<void> {
    if (changes.length === 0) return;
    await this.db('campaign_gate_history').insert(
      historyRows(campaignId, changes),
    );
  }

  async gateHistory(campaignId: string): Promise<CampaignGateChange[]> {
    const rows = await this.db<GateHistoryRow>('campaign_gate_history')
      .where('campaign_id', campaignId)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(r => ({
      gateId: r.gate_id as CampaignGateChange['gateId'],
      state: r.state as CampaignGateChange['state'],
      reason: r.reason,
      at: iso(r.at),
    }));
  }

  async approveCost(
    campaignId: string,
    approval: CampaignCostApprovalRecord,
    changes: readonly CampaignGateChange[],
  ): Promise<void> {
    await writeTransaction(this.db, async trx => {
      await trx<CampaignRow>('campaigns')
        .where('id', campaignId)
        .update({ cost_approval: JSON.stringify(approval) });
      if (changes.length > 0)
        await trx('campaign_gate_history').insert(
          historyRows(campaignId, changes),
        );
    });
  }

  async recordPayingTenant(
    campaignId: string,
    payingTenant: { tenantId: string; payingSince: string },
    actor: string,
  ): Promise<void> {
    await this.db<PayingRow>('campaign_paying_tenants')
      .insert({
        campaign_id: campaignId,
        tenant_id: payingTenant.tenantId,
        paying_since: payingTenant.payingSince,
        recorded_by: actor,
        recorded_at: new Date().toISOString(),
      })
      .onConflict(['campaign_id', 'tenant_id'])
      .merge(['paying_since', 'recorded_by', 'recorded_at']);
  }

  async placementsInLocation(locationId: string): Promise<CampaignPlacement[]> {
    const cells = this.db('cells')
      .select('id')
      .where('location_id', locationId);
    const moves: MoveRow[] = await this.db('placement_history as ph')
      .join('tenants as t', 't.id', 'ph.tenant_id')
      .where(q =>
        q.whereIn('ph.cell_id', cells).orWhereIn('ph.from_cell_id', cells),
      )
      .select(
        'ph.tenant_id',
        'ph.cell_id',
        'ph.from_cell_id',
        'ph.at',
        't.tier',
        't.classification',
      )
      .orderBy([
        { column: 'ph.at', order: 'asc' },
        { column: 'ph.id', order: 'asc' },
      ]);
    const locationCells = new Set<string>(
      (
        await this.db('cells').select('id').where('location_id', locationId)
      ).map((c: { id: string }) => c.id),
    );
    return staysOf(moves, locationCells);
  }
}
