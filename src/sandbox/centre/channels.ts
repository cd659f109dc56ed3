/** The fixed test keys of the sandbox: one active channel and one paused channel. */
export const CENTRE_SANDBOX_CREDENTIALS = Object.freeze({
  /** key of the active "Sandbox Partner Store" channel, which owns the price list and seeded orders */
  apiKey: 'crp_test_7f3a9c2e51b84d06a1e5c9f0d2b7e4a8',
  /** key of a paused channel: every request answers 403 "Sales Channel is not active" */
  inactiveApiKey: 'crp_test_inactive_0b1c2d3e4f5a6b7c8d9e0f1a',
});

/** The fixed test keys a client of the sandbox needs. */
export type CentreSandboxCredentials = typeof CENTRE_SANDBOX_CREDENTIALS;

/** A sales channel: owner of an API key, its orders and its price list. */
export interface CentreChannel {
  channelId: string;
  name: string;
  active: boolean;
}

/** Id of the active sandbox channel. */
export const CENTRE_SANDBOX_CHANNEL_ID = 'clsandboxchannel00000001';

/** Channels by API key. */
export const CENTRE_SANDBOX_CHANNELS: ReadonlyMap<string, CentreChannel> = new Map([
  [CENTRE_SANDBOX_CREDENTIALS.apiKey, { channelId: CENTRE_SANDBOX_CHANNEL_ID, name: 'Sandbox Partner Store', active: true }],
  [CENTRE_SANDBOX_CREDENTIALS.inactiveApiKey, { channelId: 'clsandboxchannel00000002', name: 'Paused Partner Store', active: false }],
]);
