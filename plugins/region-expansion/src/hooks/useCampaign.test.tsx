import { act, waitFor } from '@testing-library/react';
import { frankfurtCampaign } from '../__testUtils__/campaignFixtures';
import { renderHookWithClient } from '../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../__testUtils__/testServer';
import { useCampaign } from './useCampaign';

setupTestServer();

describe('useCampaign', () => {
  it("shows an action's answer until the campaign is read again, then the newer read", async () => {
    let campaignId = frankfurtCampaign.id;
    const { result, rerender } = renderHookWithClient(() =>
      useCampaign(campaignId),
    );
    await waitFor(() =>
      expect(result.current.value?.owner).toBe(frankfurtCampaign.owner),
    );
    act(() =>
      result.current.show({
        ...frankfurtCampaign,
        owner: 'group:default/answer',
      }),
    );
    expect(result.current.value?.owner).toBe('group:default/answer');

    // Away to another campaign and back: the page reads it again, and that
    // read is newer than the earlier action's answer.
    campaignId = 'launch-gone';
    rerender();
    await waitFor(() => expect(result.current.error).toBeDefined());
    campaignId = frankfurtCampaign.id;
    rerender();
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value?.owner).toBe(frankfurtCampaign.owner);
  });
});
