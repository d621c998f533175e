import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

/**
 * `mount(ui)` renders a Preact view into a fresh element of the test document and returns that element;
 * every element mounted is unmounted and removed after each test.
 */
export function useMount(): (ui: preact.ComponentChild) => HTMLElement {
  const roots: HTMLElement[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) {
      render(null, root);
      root.remove();
    }
  });
  return (ui) => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(ui, root));
    roots.push(root);
    return root;
  };
}
