import { ByRoleMatcher, screen } from '@testing-library/react';

/**
 * Asserts that none of `controls` (a role and accessible name each) is on
 * the page: what a page hides from a user who lacks a permission.
 */
export function expectNoneShown(controls: Array<[ByRoleMatcher, string]>) {
  for (const [role, name] of controls)
    expect(screen.queryByRole(role, { name })).not.toBeInTheDocument();
}
