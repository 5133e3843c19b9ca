import { AwsFault } from '../../AwsFault';
import type { GlobalInfrastructureSnapshot } from '../../globalInfrastructure';
import type { SyntheticOrganization } from '../../organization';
import { pageOf, pageSizeOf, tokenField } from '../../protocol';
import { hashOf } from '../../random';
import { defineService } from '../defineService';
import {
  PRICED_PRODUCTS,
  PricedProductTemplate,
  UNPRICED_PARTITIONS,
} from './data';

type PriceFilter = { Type: string; Field: string; Value: string };

/**
 * Every priced product of a service in every Region of a priced partition,
 * with deterministic per-Region prices.
 */
function productsOf(
  org: SyntheticOrganization,
  snapshot: GlobalInfrastructureSnapshot | undefined,
  serviceCode: string,
  templates: PricedProductTemplate[],
) {
  const regions = snapshot?.regions.length
    ? snapshot.regions
    : org.regions.map(r => ({
        id: r.id,
        partition: r.partition,
        longName: undefined,
      }));
  const priced = regions.filter(
    r => !UNPRICED_PARTITIONS.includes(r.partition),
  );
  return priced.flatMap(region =>
    templates.map(t => {
      const factor = 1 + (hashOf(region.id) % 30) / 100;
      const sku = hashOf(
        `${serviceCode}/${region.id}/${JSON.stringify(t.attributes)}`,
      )
        .toString(36)
        .toUpperCase()
        .padStart(7, '0');
      const attributes: Record<string, string> = {
        ...t.attributes,
        servicecode: serviceCode,
        regionCode: region.id,
        location: region.longName ?? region.id,
      };
      return {
        sku,
        attributes,
        family: t.family,
        unit: t.unit,
        usd: t.usd * factor,
      };
    }),
  );
}

function matchesFilter(
  attributes: Record<string, string>,
  f: PriceFilter,
): boolean {
  const value = attributes[f.Field];
  switch (f.Type) {
    case 'TERM_MATCH':
      return value === f.Value;
    case 'CONTAINS':
      return value !== undefined && value.includes(f.Value);
    case 'ANY_OF':
      return f.Value.split(',').includes(value);
    case 'NONE_OF':
      return !f.Value.split(',').includes(value);
    default:
      return false;
  }
}

/**
 * The Price List API (awsJson1_1, `AWSPriceListService.GetProducts`),
 * served from any Region as `api.pricing.<region>`.
 */
export const pricingService = defineService({
  signingName: 'pricing',
  hostPrefix: 'api.pricing.',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSPriceListService',
  throttle: [429, 'ThrottlingException'],
  serverError: 'InternalErrorException',
  anyRegion: true,
  operations: [
    {
      name: 'GetProducts',
      respond: ({ org, input, globalInfrastructure }) => {
        const maxResults = pageSizeOf(
          input.MaxResults,
          'MaxResults',
          100,
          100,
          'InvalidParameterException',
        );
        const templates = PRICED_PRODUCTS[input.ServiceCode];
        if (!templates)
          throw new AwsFault(
            404,
            'NotFoundException',
            `Service ${input.ServiceCode} not found`,
          );
        const filters: PriceFilter[] = input.Filters ?? [];
        const matching = productsOf(
          org,
          globalInfrastructure,
          input.ServiceCode,
          templates,
        ).filter(p => filters.every(f => matchesFilter(p.attributes, f)));
        const page = pageOf(
          matching,
          input.NextToken,
          maxResults,
          `price/${input.ServiceCode}/${JSON.stringify(filters)}`,
          new AwsFault(
            400,
            'ExpiredNextTokenException',
            'The NextToken is not valid',
          ),
        );
        const published = new Date(org.baseTime).toISOString();
        return {
          FormatVersion: 'aws_v1',
          PriceList: page.slice.map(p =>
            JSON.stringify({
              product: {
                productFamily: p.family,
                attributes: p.attributes,
                sku: p.sku,
              },
              serviceCode: input.ServiceCode,
              terms: {
                OnDemand: {
                  [`${p.sku}.JRTCKXETXF`]: {
                    offerTermCode: 'JRTCKXETXF',
                    sku: p.sku,
                    effectiveDate: published,
                    priceDimensions: {
                      [`${p.sku}.JRTCKXETXF.6YS6EN2CT7`]: {
                        unit: p.unit,
                        pricePerUnit: { USD: p.usd.toFixed(10) },
                        description: `${p.unit} in ${p.attributes.location}`,
                      },
                    },
                  },
                },
              },
              version: '20261101000000',
              publicationDate: published,
            }),
          ),
          ...tokenField('NextToken', page.next),
        };
      },
    },
  ],
});
