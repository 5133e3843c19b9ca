import type { ComponentType } from 'react';
import { ErrorPanel, Progress } from '@backstage/core-components';
import { lazyComponent } from './lazyComponent';

/**
 * A route's page whose code is a chunk of its own, loaded without Suspense
 * (see {@link lazyComponent}): navigating to it shows the page as soon as
 * its chunk is there, not 500 ms after a Suspense fallback.
 *
 * Every call returns a component of its own on purpose. Two routes that
 * rendered one shared wrapper would be the same element type in the same
 * place of the tree, so React would keep the first page mounted when the
 * route changes to the second.
 */
export function lazyPage(
  load: () => Promise<ComponentType<{}>>,
): ComponentType<{}> {
  const chunk = lazyComponent(load);
  return function LazyPage() {
    const { Component, error } = chunk.useComponent();
    if (error) {
      return <ErrorPanel title="Could not load this page" error={error} />;
    }
    return Component ? <Component /> : <Progress />;
  };
}
