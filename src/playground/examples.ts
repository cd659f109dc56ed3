/** One saved operation of the playground: a tab answering a question analysts ask. */
export interface ExampleOperation {
  /** the question, as the test and the docs name it */
  question: string;
  /** the operation; its name becomes the tab's title */
  query: string;
  /** the variables editor's content (JSON), where the operation takes any */
  variables?: Record<string, unknown>;
}

/** Statuses of an order that is neither shipped nor finished: the merchant still waits on it. */
const OPEN_ORDER_STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'PARTIALLY_PAID', 'PAID', 'PROCESSING', 'ON_HOLD'];

/**
 * The playground's saved tabs, one per question; test/e2e/playground-examples.test.ts runs each
 * against the sandboxes, so an example that drifts from the schema fails there.
 */
export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    question: 'open orders across suppliers',
    query: `# Orders every supplier still has to ship, newest first.
# Your API key goes in the Headers tab below.
# Next page: pass pageInfo.endCursor as $after (Variables tab).
query OpenOrdersAcrossSuppliers($after: String) {
  orders(first: 25, after: $after, filter: { statuses: [${OPEN_ORDER_STATUSES.join(', ')}] }) {
    nodes {
      supplier { code }
      supplierOrderId
      externalReference
      status
      supplierStatus
      createdAt
      total { amount currencyCode }
      lines { sku quantity }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    question: 'stock for a SKU everywhere',
    query: `# Units of one SKU at every supplier and warehouse.
# Change the SKU in the Variables tab below.
query StockForSku($sku: String!) {
  inventory(filter: { skus: [$sku] }) {
    supplier { code }
    sku
    warehouse { code name }
    available
    onHand
    discontinued
  }
}
`,
    variables: { sku: 'HMK-2300' },
  },
  {
    question: 'wallet balances',
    query: `# Prepaid balance with each supplier that keeps a wallet.
# available = balance - reserved (held for open orders).
query WalletBalances {
  wallets {
    supplier { code name }
    balance { amount currencyCode }
    reserved { amount currencyCode }
    available { amount currencyCode }
    pendingPayments
  }
}
`,
  },
  {
    question: 'failed transactions',
    query: `# Asynchronous supplier writes (Cenports) that failed,
# newest first, with the supplier's reasons.
# A FAILED transaction changed nothing at the supplier.
query FailedTransactions($after: String) {
  transactions(first: 25, after: $after, filter: { statuses: [FAILED] }) {
    nodes {
      supplier { code }
      kind
      supplierStatus
      submittedAt
      errors { index message }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    question: 'shipments in transit',
    query: `# Parcels a carrier holds and has not yet delivered.
query ShipmentsInTransit($after: String) {
  shipments(first: 25, after: $after, filter: { statuses: [PICKED_UP, IN_TRANSIT] }) {
    nodes {
      supplier { code }
      status
      carrier
      service
      trackingNumber
      trackingUrl
      shippedAt
      order { supplierOrderId externalReference }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
];
