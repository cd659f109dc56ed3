/** One HMAC credential pair: the X-Store-Id value and the key that signs. */
export interface WhitelabelCredentialPair {
  storeId: string;
  storeSecret: string;
}

/** Everything a client of the sandbox needs to authenticate. */
export interface WhitelabelCredentials {
  /** merchant scope: what the WooCommerce plugin (and the gateway) holds */
  store: WhitelabelCredentialPair;
  /** admin scope over the same merchant: shipments create / mark shipped */
  ops: WhitelabelCredentialPair;
  /** the ShipStation webhook's `secret` query parameter */
  webhookSecret: string;
  /** a one-time connect code for stores/connect/exchange */
  connectCode: string;
}

/** The fixed test credentials every sandbox starts with. */
export const WHITELABEL_SANDBOX_CREDENTIALS: WhitelabelCredentials = Object.freeze({
  store: Object.freeze({
    storeId: '6f1d2c3b-4a59-4e68-8b7a-0c1d2e3f4a5b',
    storeSecret: 'secret_sandbox_store_5e7f0a1b2c3d4e5f60718293a4b5c6d7',
  }),
  ops: Object.freeze({
    storeId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    storeSecret: 'secret_sandbox_ops_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  }),
  webhookSecret: 'whsec_sandbox_shipstation_7c1e4b2a',
  connectCode: 'SBX1-2WLP-3TST',
});
