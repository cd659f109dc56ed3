import type { Random } from '../kit/index.ts';
import type { Product } from './types.ts';

/** 20 compounds × 3 sizes = 60 products; BPC-157 5mg first, priced as in the document. */
const COMPOUNDS = [
  ['BPC-157', 'BPC-157', 'Peptides'],
  ['TB-500', 'TB-500', 'Peptides'],
  ['GHK-CU', 'GHK-Cu', 'Peptides'],
  ['IPAMORELIN', 'Ipamorelin', 'Growth Hormone Secretagogues'],
  ['CJC-1295', 'CJC-1295', 'Growth Hormone Secretagogues'],
  ['SERMORELIN', 'Sermorelin', 'Growth Hormone Secretagogues'],
  ['TESAMORELIN', 'Tesamorelin', 'Growth Hormone Secretagogues'],
  ['HEXARELIN', 'Hexarelin', 'Growth Hormone Secretagogues'],
  ['SEMAX', 'Semax', 'Nootropic Peptides'],
  ['SELANK', 'Selank', 'Nootropic Peptides'],
  ['DIHEXA', 'Dihexa', 'Nootropic Peptides'],
  ['EPITALON', 'Epitalon', 'Longevity'],
  ['MOTS-C', 'MOTS-c', 'Longevity'],
  ['SS-31', 'SS-31', 'Longevity'],
  ['HUMANIN', 'Humanin', 'Longevity'],
  ['AOD-9604', 'AOD-9604', 'Metabolic'],
  ['KPV', 'KPV', 'Peptides'],
  ['DSIP', 'DSIP', 'Peptides'],
  ['KISSPEPTIN-10', 'Kisspeptin-10', 'Peptides'],
  ['LL-37', 'LL-37', 'Peptides'],
] as const;
const SIZES_MG = [5, 10, 20] as const;

const COMPLIANCE = 'For research use only. Not for human or veterinary use.';
const DISCLAIMER = 'This product is not a drug, food or cosmetic and is not intended to diagnose, treat, cure or prevent any disease.';

/** The seeded catalog; a few products lack a price or stock so those errors can happen. */
export function seedProducts(random: Random): Product[] {
  const products: Product[] = [];
  for (const [skuPrefix, displayName, category] of COMPOUNDS) {
    const basePriceCents = random.int(12, 48) * 100 + 99;
    for (const [sizeIndex, mg] of SIZES_MG.entries()) {
      const sku = `${skuPrefix}-${mg}MG`;
      const name = `${displayName} ${mg}mg`;
      const wholesale = basePriceCents + sizeIndex * Math.floor(basePriceCents / 2);
      const available = random.int(0, 400);
      products.push({
        id: random.uuid(),
        sku,
        name,
        description: `Research peptide ${name}, supplied as a lyophilized powder with HPLC purity above 99%.`,
        shortDescription: `${mg}mg lyophilized powder in a 3ml vial.`,
        images: [{ id: random.uuid(), url: `https://cdn.whitelabel.peptidetech.co/products/${sku.toLowerCase()}.jpg` }],
        wholesalePriceCents: wholesale,
        mapPriceCents: wholesale * 2 - 1,
        dimensionsCm: { length: 5, width: 5, height: 2 + sizeIndex },
        weightGrams: 10 + sizeIndex * 5,
        category,
        inStock: available > 0,
        availableQty: available,
        minQty: 1,
        maxQty: 50,
        requiresCoa: random.chance(0.8),
        complianceCopy: COMPLIANCE,
        disclaimer: DISCLAIMER,
      });
    }
  }
  const bpc = products[0]!;
  Object.assign(bpc, { wholesalePriceCents: 2500, mapPriceCents: 4999, inStock: true, availableQty: 142, requiresCoa: true });
  // Whitelisted but not yet priced for this merchant (PRICE_NOT_CONFIGURED), and sold out (OUT_OF_STOCK).
  for (const index of [58, 59]) Object.assign(products[index]!, { wholesalePriceCents: null, mapPriceCents: null });
  for (const index of [55, 56]) Object.assign(products[index]!, { inStock: false, availableQty: 0 });
  return products;
}
