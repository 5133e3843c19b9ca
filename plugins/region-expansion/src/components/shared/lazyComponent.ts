import { useEffect, useState, type ComponentType } from 'react';

/**
 * A component whose code is a chunk of its own, loaded without Suspense.
 *
 * Why not `React.lazy`: React 18 holds back the content of a Suspense
 * boundary until 500 ms after its fallback was shown (FALLBACK_THROTTLE_MS),
 * so a chunk that arrives in 50 ms still shows 500 ms late. Here the chunk
 * loads on mount (in parallel with the page's data) and the component
 * appears with an ordinary state update as soon as it is there; a second
 * mount gets it synchronously.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;

  function preload(): Promise<ComponentType<P>> {
    pending ??= load().then(
      component => {
        loaded = component;
        return component;
      },
      error => {
        // A failed chunk load may be retried by the next mount.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  }

  /** The component once its chunk is loaded, or the loading error. */
  function useComponent(): { Component?: ComponentType<P>; error?: Error } {
    const [Component, setComponent] = useState(() => loaded);
    const [error, setError] = useState<Error>();
    useEffect(() => {
      if (Component) return undefined;
      let mounted = true;
      preload().then(
        component => mounted && setComponent(() => component),
        reason => mounted && setError(reason as Error),
      );
      return () => {
        mounted = false;
      };
    }, [Component]);
    return { Component, error };
  }

  return { preload, useComponent };
}
