import type { GlobalInfrastructureSnapshot } from '../../globalInfrastructure';
import type { SyntheticOrganization } from '../../organization';
import {
  awsJsonError,
  jsonResponse,
  pageOf,
  parseJsonBody,
  SimulatedRequest,
} from '../../protocol';
import { hashOf } from '../../random';
import type { SimulatedOperation, SimulatedService } from '../types';
import { PRICED_PRODUCTS } from './data';

/** Price List (awsJson1_1, `AWSPriceListService.GetProducts`) with deterministic per-Region prices. */
export function handlePricing(
  org: SyntheticOrganization,
  req: SimulatedRequest,
  target: string,
  snapshot: GlobalInfrastructureSnapshot | undefined,
): SimulatedOperation | undefined {
  if (target !== 'AWSPriceListService.GetProducts') return undefined;
  return {
    operation: 'GetProducts',
    respond: () => {
      const input = parseJsonBody(req);
      const maxResults = input.MaxResults ?? 100;
      if (maxResults < 1 || maxResults > 100)
        return awsJsonError(
          400,
          'InvalidParameterException',
          'MaxResults must be between 1 and 100',
        );
      const templates = PRICED_PRODUCTS[input.ServiceCode];
      if (!templates)
        return awsJsonError(
          404,
          'NotFoundException',
          `Service ${input.ServiceCode} not found`,
        );
      const regions = snapshot?.regions.length
        ? snapshot.regions
        : org.regions.map(r => ({
            id: r.id,
            partition: r.partition,
            longName: undefined,
          }));
      const products = regions.flatMap(region =>
        templates.map(t => {
          const factor = 1 + (hashOf(region.id) % 30) / 100;
          const sku = hashOf(
            `${input.ServiceCode}/${region.id}/${JSON.stringify(t.attributes)}`,
          )
            .toString(36)
            .toUpperCase()
            .padStart(7, '0');
          const attributes: Record<string, string> = {
            ...t.attributes,
            servicecode: input.ServiceCode,
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
      const filters: Array<{ Type: string; Field: string; Value: string }> =
        input.Filters ?? [];
      const matching = products.filter(p =>
        filters.every(f => {
          const value = p.attributes[f.Field];
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
        }),
      );
      const page = pageOf(
        matching,
        input.NextToken,
        maxResults,
        `price/${input.ServiceCode}/${JSON.stringify(filters)}`,
      );
      if (!page)
        return awsJsonError(
          400,
          'ExpiredNextTokenException',
          'The NextToken is not valid',
        );
      return jsonResponse(
        {
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
                    effectiveDate: new Date(org.baseTime).toISOString(),
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
              publicationDate: new Date(org.baseTime).toISOString(),
            }),
          ),
          ...(page.next ? { NextToken: page.next } : {}),
        },
        'application/x-amz-json-1.1',
      );
    },
  };
}

/** The Price List API (served from any Region, as `api.pricing.<region>`). */
export const pricingService: SimulatedService = {
  signingName: 'pricing',
  hostPrefix: 'api.pricing.',
  protocol: 'awsJson1_1',
  throttle: [429, 'ThrottlingException'],
  serverError: 'InternalErrorException',
  anyRegion: true,
  deniesAccess: true,
  route: ({ org, req, target, globalInfrastructure }) =>
    handlePricing(org, req, target, globalInfrastructure),
};
