export * from './evaluateCampaignGates';
export * from './campaignBurnUp';
export * from './timeToRevenue';
export * from './readRegionDailyCosts';
