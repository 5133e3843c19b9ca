import { createDevApp } from '@backstage/dev-utils';
import { regionExpansionPlugin } from '../src/plugin';
import { RegionExpansionPage } from '../src/extensions';

createDevApp()
  .registerPlugin(regionExpansionPlugin)
  .addPage({
    element: <RegionExpansionPage />,
    title: 'Regions',
    path: '/region-expansion',
  })
  .render();
