/**
 * Where a preview card goes: below the mention's last line, or above its first line when the card does not fit
 * below but does above, so it never covers the line being read; moved left as needed to stay inside the
 * viewport (with a small margin). All values are viewport coordinates in CSS pixels.
 */
export const CARD_GAP = 6;
export const CARD_MARGIN = 8;

export function cardPosition(
  mention: { top: number; bottom: number; left: number },
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number; above: boolean } {
  const below = mention.bottom + CARD_GAP;
  const aboveTop = mention.top - CARD_GAP - card.height;
  const above = below + card.height > viewport.height - CARD_MARGIN && aboveTop >= CARD_MARGIN;
  const maxLeft = viewport.width - card.width - CARD_MARGIN;
  const left = Math.max(CARD_MARGIN, Math.min(mention.left, maxLeft));
  return { top: above ? aboveTop : below, left, above };
}
