import { regionExpansionRoutes } from '@region-expansion/plugin-region-expansion-common';
import { stringify } from 'yaml';
import { openApiDocument } from './openApiDocument';

const HEADER = `# Generated from the route table of @region-expansion/plugin-region-expansion-common
# (src/routes) by \`yarn workspace @region-expansion/plugin-region-expansion-backend generate:openapi\`.
# Do not edit: change the route table or its schemas and generate again.
`;

/** `openapi.yaml` as the route table generates it. */
export function openApiYaml(): string {
  return `${HEADER}${stringify(openApiDocument(regionExpansionRoutes), {
    lineWidth: 0,
    singleQuote: true,
    aliasDuplicateObjects: false,
  })}`;
}
