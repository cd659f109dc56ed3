import { seededRandom } from '../kit/index.ts';

/** One product of the supplier's catalog, as the sandbox holds it (the API has no catalog endpoint). */
export interface OrdersapiCatalogProduct {
  /** PRxxxxx */
  readonly product_id: string;
  readonly sku: string;
  readonly name: string;
  /** unit price in US cents */
  readonly priceCents: number;
  /** false: ordering it answers 409 */
  readonly available: boolean;
  readonly currency: 'USD';
}

// The catalog does not follow the sandbox's seed: the gateway's sandbox configuration reads this
// constant, and it must describe the products of every sandbox, whatever seed its orders use.
const CATALOG_SEED = 4001;
const CATALOG_SIZE = 80;

const FAMILIES = [
  { prefix: 'BR', styles: ['IPA', 'Pale Ale', 'Lager', 'Pilsner', 'Stout', 'Porter', 'Amber Ale', 'Wheat Beer', 'Saison'] },
  { prefix: 'CD', styles: ['Cider', 'Perry', 'Rosé Cider'] },
  { prefix: 'SZ', styles: ['Seltzer', 'Tonic', 'Spritz'] },
] as const;
const ADJECTIVES = ['Hazy', 'West Coast', 'Golden', 'Midnight', 'Harbor', 'Summit', 'Copper', 'Wild', 'Session', 'Double', 'Orchard', 'Citrus', 'Smoked', 'Frosty'];
// Cents endings that a money renderer can get wrong: .00, .05, .50 besides the usual .49 and .99.
const CENT_ENDINGS = [0, 5, 49, 50, 95, 99];

export const productId = (n: number): string => `PR${String(n).padStart(5, '0')}`;

function buildCatalog(): OrdersapiCatalogProduct[] {
  const random = seededRandom(CATALOG_SEED);
  const names = new Set<string>(['All Day IPA']);
  // The document's own example product comes first, so its curl example works against the sandbox.
  const products: OrdersapiCatalogProduct[] = [
    { product_id: productId(1), sku: 'BR-4001', name: 'All Day IPA', priceCents: 1099, available: true, currency: 'USD' },
  ];
  for (let n = 2; n <= CATALOG_SIZE; n += 1) {
    const family = random.pick(FAMILIES);
    let name = `${random.pick(ADJECTIVES)} ${random.pick(family.styles)}`;
    while (names.has(name)) name = `${random.pick(ADJECTIVES)} ${random.pick(family.styles)}`;
    names.add(name);
    products.push({
      product_id: productId(n),
      sku: `${family.prefix}-${4000 + n}`,
      name,
      priceCents: random.int(2, 59) * 100 + random.pick(CENT_ENDINGS),
      // Every tenth product is out, so 409 always has products to answer for.
      available: n % 10 !== 0 && random.chance(0.95),
      currency: 'USD',
    });
  }
  return products;
}

/** The sandbox's fixed catalog of PRxxxxx products, the same for every seed. */
export const ORDERSAPI_SANDBOX_CATALOG: readonly OrdersapiCatalogProduct[] = Object.freeze(
  buildCatalog().map((product) => Object.freeze(product)),
);
