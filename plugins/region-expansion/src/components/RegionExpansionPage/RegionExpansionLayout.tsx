import type { ReactNode } from 'react';
import { Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { regionExpansionTranslationRef } from '../../translation';
import { SectionTabs } from './SectionTabs';

/**
 * The plugin's header and section tabs around one of its pages: the legacy
 * routable page and each page of the new frontend system share it, so both
 * apps look and navigate alike.
 */
export function RegionExpansionLayout(props: { children: ReactNode }) {
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <SectionTabs />
      {props.children}
    </Page>
  );
}
