/*
 * The distance model's data, a dated snapshot (2026-12-06).
 *
 * Region cities: the city AWS names for each Region in its Region list
 * ("Europe (Frankfurt)", "US East (N. Virginia)", ...); where AWS names a
 * state or country rather than a city, the city given in the comment.
 * Regions whose city AWS does not publish (GovCloud, the ISO partitions)
 * are absent on purpose: their latency class is `unknown`, never guessed.
 *
 * Country population centres: the most populous city (metropolitan area)
 * of each country stands for where its users are. One point per country:
 * a large country (US, CA, BR, AU, IN, CN, RU) is judged from that city
 * alone, which docs/comparison.md states as the model's main limit.
 *
 * Coordinates: WGS84 latitude and longitude of the city centres, hand-entered
 * 2026-12-06 from the coordinates the cities' Wikipedia articles publish
 * (GeoHack), rounded to 0.01 degree; latencyClass.test.ts checks them
 * against well-known city-pair distances, so a mistyped one fails. An error
 * of tens of kilometres is far below the class thresholds (500, 1,500 and
 * 5,000 km). A country not listed gets the class `unknown` with the reason.
 */

/**
 * Date of the distance model's snapshot of city coordinates.
 *
 * @public
 */
export const LATENCY_MODEL_DATE = '2026-12-06';

/**
 * A named point: [city, latitude, longitude] in WGS84 degrees.
 *
 * @public
 */
export type NamedPoint = readonly [city: string, lat: number, lon: number];

/** City of each Region whose city is public. */
export const REGION_CITIES: Readonly<Record<string, NamedPoint>> = {
  'af-south-1': ['Cape Town', -33.92, 18.42],
  'ap-east-1': ['Hong Kong', 22.32, 114.17],
  'ap-east-2': ['Taipei', 25.03, 121.57],
  'ap-northeast-1': ['Tokyo', 35.68, 139.69],
  'ap-northeast-2': ['Seoul', 37.57, 126.98],
  'ap-northeast-3': ['Osaka', 34.69, 135.5],
  'ap-south-1': ['Mumbai', 19.08, 72.88],
  'ap-south-2': ['Hyderabad', 17.39, 78.49],
  'ap-southeast-1': ['Singapore', 1.35, 103.82],
  'ap-southeast-2': ['Sydney', -33.87, 151.21],
  'ap-southeast-3': ['Jakarta', -6.21, 106.85],
  'ap-southeast-4': ['Melbourne', -37.81, 144.96],
  'ap-southeast-5': ['Kuala Lumpur', 3.14, 101.69], // "Malaysia"
  'ap-southeast-6': ['Auckland', -36.85, 174.76], // "New Zealand"
  'ap-southeast-7': ['Bangkok', 13.76, 100.5], // "Thailand"
  'ca-central-1': ['Montreal', 45.5, -73.57],
  'ca-west-1': ['Calgary', 51.05, -114.07],
  'cn-north-1': ['Beijing', 39.9, 116.41],
  'cn-northwest-1': ['Yinchuan', 38.49, 106.23], // "Ningxia": its capital
  'eu-central-1': ['Frankfurt', 50.11, 8.68],
  'eu-central-2': ['Zurich', 47.38, 8.54],
  'eu-north-1': ['Stockholm', 59.33, 18.07],
  'eu-south-1': ['Milan', 45.46, 9.19],
  'eu-south-2': ['Zaragoza', 41.65, -0.89], // "Spain" (Aragón): its capital
  'eu-west-1': ['Dublin', 53.35, -6.26], // "Ireland"
  'eu-west-2': ['London', 51.51, -0.13],
  'eu-west-3': ['Paris', 48.86, 2.35],
  'eusc-de-east-1': ['Potsdam', 52.39, 13.06], // Brandenburg: its capital
  'il-central-1': ['Tel Aviv', 32.09, 34.78],
  'me-central-1': ['Dubai', 25.2, 55.27], // "UAE"
  'me-south-1': ['Manama', 26.23, 50.59], // "Bahrain"
  'mx-central-1': ['Querétaro', 20.59, -100.39],
  'sa-east-1': ['São Paulo', -23.55, -46.63],
  'us-east-1': ['Ashburn', 39.04, -77.49], // "N. Virginia"
  'us-east-2': ['Columbus', 39.96, -83.0], // "Ohio": its capital
  'us-west-1': ['San Jose', 37.34, -121.89], // "N. California"
  'us-west-2': ['Portland', 45.52, -122.68], // "Oregon": largest city
};

/** Most populous city of each listed country (ISO 3166-1 alpha-2). */
export const COUNTRY_CENTRES: Readonly<Record<string, NamedPoint>> = {
  AD: ['Andorra la Vella', 42.51, 1.52],
  AE: ['Dubai', 25.2, 55.27],
  AR: ['Buenos Aires', -34.6, -58.38],
  AT: ['Vienna', 48.21, 16.37],
  AU: ['Sydney', -33.87, 151.21],
  BD: ['Dhaka', 23.81, 90.41],
  BE: ['Brussels', 50.85, 4.35],
  BG: ['Sofia', 42.7, 23.32],
  BH: ['Manama', 26.23, 50.59],
  BR: ['São Paulo', -23.55, -46.63],
  CA: ['Toronto', 43.65, -79.38],
  CH: ['Zurich', 47.38, 8.54],
  CL: ['Santiago', -33.45, -70.67],
  CN: ['Shanghai', 31.23, 121.47],
  CO: ['Bogotá', 4.71, -74.07],
  CR: ['San José', 9.93, -84.08],
  CY: ['Nicosia', 35.19, 33.38],
  CZ: ['Prague', 50.08, 14.44],
  DE: ['Berlin', 52.52, 13.4],
  DK: ['Copenhagen', 55.68, 12.57],
  DO: ['Santo Domingo', 18.49, -69.93],
  DZ: ['Algiers', 36.75, 3.06],
  EE: ['Tallinn', 59.44, 24.75],
  EG: ['Cairo', 30.04, 31.24],
  ES: ['Madrid', 40.42, -3.7],
  ET: ['Addis Ababa', 9.03, 38.74],
  FI: ['Helsinki', 60.17, 24.94],
  FO: ['Tórshavn', 62.01, -6.77],
  FR: ['Paris', 48.86, 2.35],
  GB: ['London', 51.51, -0.13],
  GG: ['St Peter Port', 49.46, -2.54],
  GH: ['Accra', 5.6, -0.19],
  GR: ['Athens', 37.98, 23.73],
  GT: ['Guatemala City', 14.63, -90.51],
  HK: ['Hong Kong', 22.32, 114.17],
  HR: ['Zagreb', 45.81, 15.98],
  HU: ['Budapest', 47.5, 19.04],
  ID: ['Jakarta', -6.21, 106.85],
  IE: ['Dublin', 53.35, -6.26],
  IL: ['Tel Aviv', 32.09, 34.78],
  IM: ['Douglas', 54.15, -4.48],
  IN: ['Delhi', 28.61, 77.21],
  IS: ['Reykjavík', 64.15, -21.94],
  IT: ['Rome', 41.9, 12.5],
  JE: ['St Helier', 49.19, -2.11],
  JO: ['Amman', 31.95, 35.93],
  JP: ['Tokyo', 35.68, 139.69],
  KE: ['Nairobi', -1.29, 36.82],
  KR: ['Seoul', 37.57, 126.98],
  KW: ['Kuwait City', 29.38, 47.99],
  KZ: ['Almaty', 43.24, 76.89],
  LB: ['Beirut', 33.89, 35.5],
  LI: ['Vaduz', 47.14, 9.52],
  LK: ['Colombo', 6.93, 79.86],
  LT: ['Vilnius', 54.69, 25.28],
  LU: ['Luxembourg', 49.61, 6.13],
  LV: ['Riga', 56.95, 24.11],
  MA: ['Casablanca', 33.57, -7.59],
  MT: ['Valletta', 35.9, 14.51],
  MX: ['Mexico City', 19.43, -99.13],
  MY: ['Kuala Lumpur', 3.14, 101.69],
  NG: ['Lagos', 6.52, 3.38],
  NL: ['Amsterdam', 52.37, 4.9],
  NO: ['Oslo', 59.91, 10.75],
  NZ: ['Auckland', -36.85, 174.76],
  OM: ['Muscat', 23.59, 58.41],
  PA: ['Panama City', 8.98, -79.52],
  PE: ['Lima', -12.05, -77.04],
  PH: ['Manila', 14.6, 120.98],
  PK: ['Karachi', 24.86, 67.01],
  PL: ['Warsaw', 52.23, 21.01],
  PR: ['San Juan', 18.47, -66.11],
  PT: ['Lisbon', 38.72, -9.14],
  QA: ['Doha', 25.29, 51.53],
  RO: ['Bucharest', 44.43, 26.1],
  RS: ['Belgrade', 44.79, 20.45],
  RU: ['Moscow', 55.76, 37.62],
  SA: ['Riyadh', 24.71, 46.68],
  SE: ['Stockholm', 59.33, 18.07],
  SG: ['Singapore', 1.35, 103.82],
  SI: ['Ljubljana', 46.06, 14.51],
  SK: ['Bratislava', 48.15, 17.11],
  TH: ['Bangkok', 13.76, 100.5],
  TN: ['Tunis', 36.81, 10.18],
  TR: ['Istanbul', 41.01, 28.98],
  TW: ['Taipei', 25.03, 121.57],
  UA: ['Kyiv', 50.45, 30.52],
  US: ['New York', 40.71, -74.01],
  UY: ['Montevideo', -34.9, -56.16],
  VE: ['Caracas', 10.48, -66.9],
  VN: ['Ho Chi Minh City', 10.82, 106.63],
  ZA: ['Johannesburg', -26.2, 28.05],
};
