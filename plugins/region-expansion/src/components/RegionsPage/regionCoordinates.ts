/**
 * Where each AWS Region is drawn on the map, as `[longitude, latitude]`.
 *
 * Source: approximate coordinates of the city (or, where AWS names only a
 * state or country, its main metropolitan area) in the Region's public name,
 * for example Frankfurt for `eu-central-1`. AWS does not publish data centre
 * locations; these points place a marker in the right city, nothing more.
 * `eusc-de-east-1` is placed in Brandenburg (Potsdam), where AWS announced
 * the European Sovereign Cloud. The isolated partitions (`aws-iso*`) have no
 * published location and are deliberately absent: they are listed in the
 * grid but not drawn.
 */
export const REGION_COORDINATES: Readonly<Record<string, [number, number]>> = {
  'af-south-1': [18.42, -33.92], // Cape Town
  'ap-east-1': [114.17, 22.32], // Hong Kong
  'ap-east-2': [121.56, 25.03], // Taipei
  'ap-northeast-1': [139.69, 35.69], // Tokyo
  'ap-northeast-2': [126.98, 37.57], // Seoul
  'ap-northeast-3': [135.5, 34.69], // Osaka
  'ap-south-1': [72.88, 19.08], // Mumbai
  'ap-south-2': [78.49, 17.39], // Hyderabad
  'ap-southeast-1': [103.82, 1.35], // Singapore
  'ap-southeast-2': [151.21, -33.87], // Sydney
  'ap-southeast-3': [106.85, -6.21], // Jakarta
  'ap-southeast-4': [144.96, -37.81], // Melbourne
  'ap-southeast-5': [101.69, 3.14], // Kuala Lumpur (Malaysia)
  'ap-southeast-6': [174.76, -36.85], // Auckland (New Zealand)
  'ap-southeast-7': [100.5, 13.76], // Bangkok (Thailand)
  'ca-central-1': [-73.57, 45.5], // Montreal (Canada Central)
  'ca-west-1': [-114.07, 51.05], // Calgary
  'cn-north-1': [116.41, 39.9], // Beijing
  'cn-northwest-1': [106.23, 38.49], // Yinchuan (Ningxia)
  'eu-central-1': [8.68, 50.11], // Frankfurt
  'eu-central-2': [8.54, 47.38], // Zurich
  'eu-north-1': [18.07, 59.33], // Stockholm
  'eu-south-1': [9.19, 45.46], // Milan
  'eu-south-2': [-0.88, 41.65], // Aragón (Spain)
  'eu-west-1': [-6.26, 53.35], // Dublin (Ireland)
  'eu-west-2': [-0.13, 51.51], // London
  'eu-west-3': [2.35, 48.86], // Paris
  'eusc-de-east-1': [13.06, 52.39], // Potsdam, Brandenburg
  'il-central-1': [34.78, 32.09], // Tel Aviv
  'me-central-1': [54.37, 24.45], // Abu Dhabi (UAE)
  'me-south-1': [50.59, 26.23], // Manama (Bahrain)
  'mx-central-1': [-100.39, 20.59], // Querétaro (Mexico Central)
  'sa-east-1': [-46.63, -23.55], // São Paulo
  'us-east-1': [-77.54, 39.04], // Ashburn, N. Virginia
  'us-east-2': [-82.99, 39.96], // Columbus, Ohio
  'us-gov-east-1': [-82.0, 40.4], // Ohio (GovCloud US-East)
  'us-gov-west-1': [-121.8, 45.6], // Oregon (GovCloud US-West)
  'us-west-1': [-122.42, 37.77], // San Francisco Bay Area, N. California
  'us-west-2': [-119.7, 45.84], // Boardman, Oregon
};
