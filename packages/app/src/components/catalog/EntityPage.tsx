import { ComponentProps, ReactNode } from 'react';
import { Button, Grid } from '@material-ui/core';
import {
  EntityApiDefinitionCard,
  EntityConsumedApisCard,
  EntityConsumingComponentsCard,
  EntityHasApisCard,
  EntityProvidedApisCard,
  EntityProvidingComponentsCard,
} from '@backstage/plugin-api-docs';
import {
  EntityAboutCard,
  EntityDependsOnComponentsCard,
  EntityDependsOnResourcesCard,
  EntityHasComponentsCard,
  EntityHasResourcesCard,
  EntityHasSubcomponentsCard,
  EntityHasSystemsCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  isComponentType,
  isKind,
  hasCatalogProcessingErrors,
  isOrphan,
  hasRelationWarnings,
  EntityRelationWarning,
} from '@backstage/plugin-catalog';
import {
  EntityUserProfileCard,
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
} from '@backstage/plugin-org';
import { EntityTechdocsContent } from '@backstage/plugin-techdocs';
import { EmptyState } from '@backstage/core-components';
import {
  EntityRegionReadinessCard,
  EntityRegionalDeploymentsCard,
  hasRegionalDeployments,
  isRegionExpansionResource,
} from '@region-expansion/plugin-region-expansion';
import {
  Direction,
  EntityCatalogGraphCard,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';

import { TechDocsAddons } from '@backstage/plugin-techdocs-react';
import { ReportIssue } from '@backstage/plugin-techdocs-module-addons-contrib';

const techdocsContent = (
  <EntityTechdocsContent>
    <TechDocsAddons>
      <ReportIssue />
    </TechDocsAddons>
  </EntityTechdocsContent>
);

const cicdContent = (
  // This is an example of how you can implement your company's logic in entity page.
  // You can for example enforce that all components of type 'service' should use GitHubActions
  <EntitySwitch>
    {/*
      Here you can add support for different CI/CD services, for example
      using @backstage-community/plugin-github-actions as follows:
      <EntitySwitch.Case if={isGithubActionsAvailable}>
        <EntityGithubActionsContent />
      </EntitySwitch.Case>
     */}
    <EntitySwitch.Case>
      <EmptyState
        title="No CI/CD available for this entity"
        missing="info"
        description="You need to add an annotation to your component if you want to enable CI/CD for it. You can read more about annotations in Backstage by clicking the button below."
        action={
          <Button
            variant="contained"
            color="primary"
            href="https://backstage.io/docs/features/software-catalog/well-known-annotations"
          >
            Read more
          </Button>
        }
      />
    </EntitySwitch.Case>
  </EntitySwitch>
);

/** A full-width card, shown only for entities that meet `condition`. */
function fullWidthWhen(
  condition: ComponentProps<typeof EntitySwitch.Case>['if'],
  card: ReactNode,
) {
  return (
    <EntitySwitch>
      <EntitySwitch.Case if={condition}>
        <Grid item xs={12}>
          {card}
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
  );
}

const entityWarningContent = (
  <>
    {fullWidthWhen(isOrphan, <EntityOrphanWarning />)}
    {fullWidthWhen(hasRelationWarnings, <EntityRelationWarning />)}
    {fullWidthWhen(hasCatalogProcessingErrors, <EntityProcessingErrorsPanel />)}
  </>
);

/** The Overview tab's grid: the entity's warnings first, then its cards. */
function overviewGrid(cards: ReactNode) {
  return (
    <Grid container spacing={3} alignItems="stretch">
      {entityWarningContent}
      {cards}
    </Grid>
  );
}

/** A page with an Overview tab of `cards`, then the `otherTabs`. */
function overviewPage(cards: ReactNode, otherTabs?: ReactNode) {
  return (
    <EntityLayout>
      <EntityLayout.Route path="/" title="Overview">
        {overviewGrid(cards)}
      </EntityLayout.Route>
      {otherTabs}
    </EntityLayout>
  );
}

/** A card half the width on wide screens, the whole width on small ones. */
function halfWidth(card: ReactNode) {
  return (
    <Grid item xs={12} md={6}>
      {card}
    </Grid>
  );
}

const aboutCard = (
  <Grid item md={6}>
    <EntityAboutCard />
  </Grid>
);

const graphCard = (
  <Grid item md={6} xs={12}>
    <EntityCatalogGraphCard height={400} />
  </Grid>
);

const linksCard = (
  <Grid item md={4} xs={12}>
    <EntityLinksCard />
  </Grid>
);

const overviewContent = overviewGrid(
  <>
    {aboutCard}
    {graphCard}
    {linksCard}
    <Grid item md={8} xs={12}>
      <EntityHasSubcomponentsCard />
    </Grid>
    <EntitySwitch>
      <EntitySwitch.Case if={hasRegionalDeployments}>
        <Grid item md={6} xs={12}>
          <EntityRegionalDeploymentsCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
  </>,
);

/** Two cards side by side on wide screens. */
function sideBySide(left: ReactNode, right: ReactNode) {
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item md={6}>
        {left}
      </Grid>
      <Grid item md={6}>
        {right}
      </Grid>
    </Grid>
  );
}

const apiContent = sideBySide(
  <EntityProvidedApisCard />,
  <EntityConsumedApisCard />,
);

const dependenciesContent = sideBySide(
  <EntityDependsOnComponentsCard />,
  <EntityDependsOnResourcesCard />,
);

/**
 * NOTE: This page is designed to work on small screens such as mobile devices.
 * This is based on Material UI Grid. If breakpoints are used, each grid item must set the `xs` prop to a column size or to `true`,
 * since this does not default. If no breakpoints are used, the items will equitably share the available space.
 * https://material-ui.com/components/grid/#basic-grid.
 */

/**
 * The tabs of a component: every component has Overview and Docs, services
 * and websites add CI/CD and Dependencies, and services their APIs.
 */
function componentEntityPage(type: 'service' | 'website' | 'other') {
  const deployed = type !== 'other';
  return (
    <EntityLayout>
      <EntityLayout.Route path="/" title="Overview">
        {overviewContent}
      </EntityLayout.Route>

      {deployed && (
        <EntityLayout.Route path="/ci-cd" title="CI/CD">
          {cicdContent}
        </EntityLayout.Route>
      )}

      {type === 'service' && (
        <EntityLayout.Route path="/api" title="API">
          {apiContent}
        </EntityLayout.Route>
      )}

      {deployed && (
        <EntityLayout.Route path="/dependencies" title="Dependencies">
          {dependenciesContent}
        </EntityLayout.Route>
      )}

      <EntityLayout.Route path="/docs" title="Docs">
        {techdocsContent}
      </EntityLayout.Route>
    </EntityLayout>
  );
}

/** Overview and Docs: the page of any entity without a page of its own. */
const defaultEntityPage = componentEntityPage('other');

const componentPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {componentEntityPage('service')}
    </EntitySwitch.Case>

    <EntitySwitch.Case if={isComponentType('website')}>
      {componentEntityPage('website')}
    </EntitySwitch.Case>

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

const apiPage = overviewPage(
  <>
    {aboutCard}
    {graphCard}
    {linksCard}
    <Grid container item md={12}>
      <Grid item md={6}>
        <EntityProvidingComponentsCard />
      </Grid>
      <Grid item md={6}>
        <EntityConsumingComponentsCard />
      </Grid>
    </Grid>
  </>,
  <EntityLayout.Route path="/definition" title="Definition">
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EntityApiDefinitionCard />
      </Grid>
    </Grid>
  </EntityLayout.Route>,
);

const userPage = overviewPage(
  <>
    {halfWidth(<EntityUserProfileCard />)}
    {halfWidth(<EntityOwnershipCard />)}
  </>,
);

const groupPage = overviewPage(
  <>
    {halfWidth(<EntityGroupProfileCard />)}
    {halfWidth(<EntityOwnershipCard />)}
    {halfWidth(<EntityMembersListCard />)}
    {halfWidth(<EntityLinksCard />)}
  </>,
);

const systemPage = overviewPage(
  <>
    {aboutCard}
    {graphCard}
    {linksCard}
    <Grid item md={8}>
      <EntityHasComponentsCard />
    </Grid>
    <Grid item md={6}>
      <EntityHasApisCard />
    </Grid>
    <Grid item md={6}>
      <EntityHasResourcesCard />
    </Grid>
  </>,
  <EntityLayout.Route path="/diagram" title="Diagram">
    <EntityCatalogGraphCard
      direction={Direction.TOP_BOTTOM}
      title="System Diagram"
      height={700}
      relations={[
        RELATION_PART_OF,
        RELATION_HAS_PART,
        RELATION_API_CONSUMED_BY,
        RELATION_API_PROVIDED_BY,
        RELATION_CONSUMES_API,
        RELATION_PROVIDES_API,
        RELATION_DEPENDENCY_OF,
        RELATION_DEPENDS_ON,
      ]}
      unidirectional={false}
    />
  </EntityLayout.Route>,
);

const domainPage = overviewPage(
  <>
    {aboutCard}
    {graphCard}
    <Grid item md={6}>
      <EntityHasSystemsCard />
    </Grid>
  </>,
);

/** Regions, Local Zones, Outposts and cells get their readiness card. */
const resourcePage = overviewPage(
  <>
    {aboutCard}
    <EntitySwitch>
      <EntitySwitch.Case if={isRegionExpansionResource}>
        <Grid item md={6} xs={12}>
          <EntityRegionReadinessCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
    {graphCard}
  </>,
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('api')} children={apiPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case if={isKind('domain')} children={domainPage} />
    <EntitySwitch.Case if={isKind('resource')} children={resourcePage} />

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
