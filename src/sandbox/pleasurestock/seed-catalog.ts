import type { Random } from '../kit/index.ts';
import { DAY_MS, REFERENCE_TIME } from './dates.ts';
import type { Category, Product, Supplier } from './types.ts';

/** The document mentions 2490 products in its batch example; the sandbox serves as many. */
export const PRODUCT_COUNT = 2490;
const SPREAD_MS = 180 * DAY_MS;

const SUPPLIERS: Omit<Supplier, 'uuid'>[] = [
  { id: 12, name: 'Yiqing', currency: 'USD', tccTenths: 17, tspTenths: 15, tspAddUnits: 0 },
  { id: 15, name: 'Lovetoy', currency: 'USD', tccTenths: 20, tspTenths: 25, tspAddUnits: 4 },
  { id: 17, name: 'Erotic Line Berlin', currency: 'EUR', tccTenths: 15, tspTenths: 20, tspAddUnits: 0 },
  { id: 21, name: 'Scala Selection', currency: 'EUR', tccTenths: 16, tspTenths: 18, tspAddUnits: 5 },
  { id: 23, name: 'Istanbul Intim', currency: 'TRY', tccTenths: 12, tspTenths: 15, tspAddUnits: 50 },
  { id: 28, name: 'Shots Media', currency: 'EUR', tccTenths: null, tspTenths: 10, tspAddUnits: 0 },
  { id: 31, name: 'Anka Tekstil', currency: 'TRY', tccTenths: 11, tspTenths: 13, tspAddUnits: 0 },
  { id: 34, name: 'Dream Toys', currency: 'USD', tccTenths: 18, tspTenths: 22, tspAddUnits: 10 },
];

const CATEGORIES: Omit<Category, 'id'>[] = [
  { name: 'Вибраторы', nameEn: 'Vibrators' },
  { name: 'Кролики', nameEn: 'Rabbit' },
  { name: 'Фаллоимитаторы', nameEn: 'Dildos' },
  { name: 'Анальные игрушки', nameEn: 'Anal toys' },
  { name: 'Белье', nameEn: 'Lingerie' },
  { name: 'Лубриканты', nameEn: 'Lubricants' },
  { name: 'БДСМ', nameEn: 'Bondage' },
  { name: 'Мастурбаторы', nameEn: 'Masturbators' },
  { name: 'Эрекционные кольца', nameEn: 'Cock rings' },
  { name: 'Массажные масла', nameEn: 'Massage oils' },
  { name: 'Костюмы', nameEn: 'Costumes' },
  { name: 'Аксессуары', nameEn: 'Accessories' },
];

const ADJECTIVES = ['Premium', 'Silky', 'Velvet', 'Classic', 'Deluxe', 'Mini', 'Wave', 'Pulse', 'Soft', 'Royal', 'Twist', 'Glow'];
const MODELS = ['Aria', 'Bloom', 'Coral', 'Dune', 'Echo', 'Flare', 'Gem', 'Halo', 'Iris', 'Jade', 'Kiss', 'Luna', 'Muse', 'Nova'];
const PREFIXES: Record<number, string> = { 12: 'SL', 15: 'LT', 17: 'ELB', 21: 'SC', 23: 'II', 28: 'SH', 31: 'AT', 34: 'DT' };

export interface Catalog {
  suppliers: Supplier[];
  categories: Category[];
  products: Product[];
}

/** The catalog for one seed: the same seed always gives the same products in the same order. */
export function seedCatalog(random: Random): Catalog {
  const suppliers = SUPPLIERS.map((s) => ({ ...s, uuid: random.uuid() }));
  const categories = CATEGORIES.map((c) => ({ ...c, id: random.uuid() }));
  const internalIds = new Set<string>();
  const products: Product[] = [];
  for (let i = 0; i < PRODUCT_COUNT; i += 1) {
    const supplier = random.pick(suppliers);
    const category = random.pick(categories);
    let internalId = `ps_${random.string(10)}`;
    while (internalIds.has(internalId)) internalId = `ps_${random.string(10)}`;
    internalIds.add(internalId);
    const createdAt = REFERENCE_TIME - random.int(1, SPREAD_MS / 1000) * 1000;
    const model = `${random.pick(ADJECTIVES)} ${category.nameEn.replace(/s$/, '')} ${random.pick(MODELS)}`;
    // TRY catalogs price in the hundreds; EUR/USD in single to low hundreds.
    const [low, high] = supplier.currency === 'TRY' ? [5_000, 900_000] : [150, 25_000];
    products.push({
      id: random.uuid(),
      internalId,
      rowId: 1000 + i,
      name: model,
      sku: `${PREFIXES[supplier.id]}${String(250_000 + i * 7).padStart(7, '0')}-${random.string(3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}`,
      description: `${model} by ${supplier.name}, ${category.nameEn.toLowerCase()} range.`,
      priceCents: random.chance(0.01) ? null : random.int(low, high),
      currency: supplier.currency,
      supplierId: supplier.id,
      categoryId: category.id,
      createdAt,
      updatedAt: createdAt + random.int(0, Math.floor((REFERENCE_TIME - createdAt) / 1000)) * 1000,
    });
  }
  return { suppliers, categories, products };
}
