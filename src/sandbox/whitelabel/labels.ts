import type { Random } from '../kit/index.ts';

/** Flat shipping estimate reserved with every order (the document's 5895 − 5000). */
export const SHIPPING_ESTIMATE_CENTS = 895;

/** 895 cents for the first pound and 150 for each further started pound (16 oz when unknown). */
export function labelRateCents(weightOz = 16): number {
  const pounds = Math.max(1, Math.ceil(weightOz / 16));
  return SHIPPING_ESTIMATE_CENTS + (pounds - 1) * 150;
}

/** A USPS-shaped 22-digit tracking number, like the document's example. */
export const newTrackingNumber = (random: Random): string => `9400111899${random.string(12, '0123456789')}`;

export const trackingUrlFor = (trackingNumber: string): string =>
  `https://track.shipstation.com/tracking/${trackingNumber}`;

export const labelUrlFor = (shipmentId: string): string => `https://labels.whitelabel.peptidetech.co/${shipmentId}.pdf`;
