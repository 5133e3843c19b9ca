import { render, screen } from '@testing-library/react';
import { lazyComponent } from './lazyComponent';

function Greeting(props: { name: string }) {
  return <p>Hello {props.name}</p>;
}

function Host(props: {
  lazy: ReturnType<typeof lazyComponent<{ name: string }>>;
}) {
  const { Component, error } = props.lazy.useComponent();
  if (error) return <p>failed: {error.message}</p>;
  return Component ? <Component name="Ada" /> : <p>loading</p>;
}

describe('lazyComponent', () => {
  it('loads the chunk once and renders the component without Suspense', async () => {
    const load = jest.fn(async () => Greeting);
    const lazy = lazyComponent(load);
    const first = render(<Host lazy={lazy} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    first.unmount();

    // A second mount has the component at once and loads nothing again.
    render(<Host lazy={lazy} />);
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load, and a later mount tries again', async () => {
    const load = jest
      .fn<Promise<typeof Greeting>, []>()
      .mockRejectedValueOnce(new Error('chunk 42 failed'))
      .mockResolvedValueOnce(Greeting);
    const lazy = lazyComponent(load);
    const first = render(<Host lazy={lazy} />);
    expect(
      await screen.findByText('failed: chunk 42 failed'),
    ).toBeInTheDocument();
    first.unmount();

    render(<Host lazy={lazy} />);
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
