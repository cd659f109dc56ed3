/** One variant Centre knows, with its price on the sandbox channel (null: known but not priced there). */
export interface CentrePriceListEntry {
  variantId: string;
  sku: string;
  name: string;
  /** USD cents; null when the channel has no price for the variant */
  priceCents: number | null;
}

/**
 * The sandbox channel's price list. Centre has no catalog API, so the gateway's sandbox
 * configuration loads its copy from here; it does not depend on the seed, so both sides agree.
 * The first three ids and the BPC-157/TB-500/collagen SKUs are the document's own examples.
 */
export const CENTRE_SANDBOX_PRICE_LIST: readonly CentrePriceListEntry[] = Object.freeze([
  { variantId: 'clxyz123abc456def789', sku: 'BPC-157-5MG', name: 'BPC-157 5mg', priceCents: 2999 },
  { variantId: 'clxyz456def789ghi012', sku: 'TB500-10MG', name: 'TB-500 10mg', priceCents: 5499 },
  { variantId: 'clxyz789ghi012jkl345', sku: 'GHK-CU-50MG', name: 'GHK-Cu 50mg', priceCents: 3999 },
  { variantId: 'cl68uztjaehvljg8du53ep26v', sku: 'COLLAGEN-50G', name: 'Collagen Peptides 50g', priceCents: 2499 },
  { variantId: 'cl9103er1ydgyfwhbzyuccokd', sku: 'BPC-157-10MG', name: 'BPC-157 10mg', priceCents: 4999 },
  { variantId: 'cl0x5sh2u11wg5tqq4zznbd42', sku: 'TB500-5MG', name: 'TB-500 5mg', priceCents: 3499 },
  { variantId: 'clbf1d53mvymi4ub2emeje8vx', sku: 'GHK-CU-100MG', name: 'GHK-Cu 100mg', priceCents: 6499 },
  { variantId: 'cl1ycgb89l10a58v7zti0kwjr', sku: 'IPAMORELIN-5MG', name: 'Ipamorelin 5mg', priceCents: 3299 },
  { variantId: 'cljakajbx8ddy7t9ftltpz479', sku: 'CJC1295-2MG', name: 'CJC-1295 (no DAC) 2mg', priceCents: 3799 },
  { variantId: 'cl314d9vyohsp3yrmdrf06arc', sku: 'CJC1295-DAC-2MG', name: 'CJC-1295 with DAC 2mg', priceCents: 4499 },
  { variantId: 'cl8uaop3bzfsqhjhet91gapma', sku: 'SERMORELIN-5MG', name: 'Sermorelin 5mg', priceCents: 3899 },
  { variantId: 'clc64py4piif32ah7gtnyckqt', sku: 'TESAMORELIN-10MG', name: 'Tesamorelin 10mg', priceCents: 8999 },
  { variantId: 'cl69c01ne3s9on02vbp8z0xuv', sku: 'AOD9604-5MG', name: 'AOD-9604 5mg', priceCents: 4299 },
  { variantId: 'cl90beqzt4syk89786p73lrq1', sku: 'MELANOTAN2-10MG', name: 'Melanotan II 10mg', priceCents: 2799 },
  { variantId: 'clsckgygpvhvk39zif9h127zd', sku: 'PT141-10MG', name: 'PT-141 10mg', priceCents: 3599 },
  { variantId: 'clk2wu6xon9h728qvv7fce1i0', sku: 'KPV-10MG', name: 'KPV 10mg', priceCents: 3999 },
  { variantId: 'clyxbm563sl9iyetdi6yjcxuu', sku: 'LL37-5MG', name: 'LL-37 5mg', priceCents: 5999 },
  { variantId: 'clk1tazp0t7mwl1z6xi00z6aw', sku: 'THYMOSIN-A1-5MG', name: 'Thymosin Alpha-1 5mg', priceCents: 5499 },
  { variantId: 'cl8g3d6g0dwjfa5n638qv2kk7', sku: 'SELANK-5MG', name: 'Selank 5mg', priceCents: 3199 },
  { variantId: 'clms3otavklxms28hlq7jwmbb', sku: 'SEMAX-5MG', name: 'Semax 5mg', priceCents: 3199 },
  { variantId: 'clqm5c4t5js8ti6b5avb44ili', sku: 'DSIP-5MG', name: 'DSIP 5mg', priceCents: 2899 },
  { variantId: 'cltidzo4lyebjtkq0dmzlh3pi', sku: 'EPITALON-10MG', name: 'Epitalon 10mg', priceCents: 3699 },
  { variantId: 'clkz8ks9zew7pbhrdtjqj0xb2', sku: 'NAD-500MG', name: 'NAD+ 500mg', priceCents: 7999 },
  { variantId: 'cln2qscbmimt0fuq0xfp1d3uf', sku: 'SS31-10MG', name: 'SS-31 10mg', priceCents: 8499 },
  { variantId: 'clk5l8cwqw6xzjdj3r6i22bhe', sku: 'KISSPEPTIN-5MG', name: 'Kisspeptin-10 5mg', priceCents: 4199 },
  { variantId: 'clmscpiyxv0e6cky2b7s6mz9w', sku: 'OXYTOCIN-2MG', name: 'Oxytocin 2mg', priceCents: 2599 },
  { variantId: 'cl7c7fw6sdulv8j6xd67hbwx4', sku: 'GLUTATHIONE-1500MG', name: 'Glutathione 1500mg', priceCents: 4599 },
  { variantId: 'cl390wegt1ek4nl4nebhb5wjc', sku: 'CAGRILINTIDE-5MG', name: 'Cagrilintide 5mg', priceCents: 6999 },
  { variantId: 'clkd4sw7cwisabyxw4tihmcyw', sku: 'HEXARELIN-5MG', name: 'Hexarelin 5mg', priceCents: 3399 },
  { variantId: 'cl0qfolyhhtaqsud2vozixd5k', sku: 'GHRP2-5MG', name: 'GHRP-2 5mg', priceCents: 2699 },
  { variantId: 'cl27ih8hyb3t8dyvumkfefe3b', sku: 'GHRP6-5MG', name: 'GHRP-6 5mg', priceCents: 2699 },
  { variantId: 'clx5xj0nc8v7idam0zdojlocb', sku: 'IGF1-LR3-1MG', name: 'IGF-1 LR3 1mg', priceCents: 9999 },
  { variantId: 'cl2iakb6oixbzxy2rg1vq12tr', sku: 'FOLLISTATIN-1MG', name: 'Follistatin 344 1mg', priceCents: 12000 },
  { variantId: 'clmiqheyeworkhbmo5xqejnmo', sku: 'CEREBROLYSIN-60MG', name: 'Cerebrolysin 60mg', priceCents: 5499 },
  { variantId: 'clp0o1twq6dc3rxl8d3qlf7m4', sku: 'BAC-WATER-30ML', name: 'Bacteriostatic Water 30ml', priceCents: 999 },
  { variantId: 'clfwkdbuy8cthxnvvmb57ztje', sku: 'BAC-WATER-10ML', name: 'Bacteriostatic Water 10ml', priceCents: 505 },
  { variantId: 'clesfh5joqp15eonnsiy2q9jo', sku: 'SEMAGLUTIDE-5MG', name: 'Semaglutide 5mg', priceCents: null },
  { variantId: 'clhrs0szbr2g9asrzw5hae0x8', sku: 'TIRZEPATIDE-10MG', name: 'Tirzepatide 10mg', priceCents: null },
  { variantId: 'clmrj7mzuuy8ecl1w53uo6vbu', sku: 'RETATRUTIDE-10MG', name: 'Retatrutide 10mg', priceCents: null },
  { variantId: 'cln5um96u8xlyxuipxz8n16wu', sku: 'MOTS-C-10MG', name: 'MOTS-c 10mg', priceCents: null },
] satisfies CentrePriceListEntry[]);
