import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names';
import { channelNames } from '../../../shared/ipc/contract';

describe('the preload allowlist', () => {
  it('names exactly the channels of the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...channelNames].sort());
  });
});
