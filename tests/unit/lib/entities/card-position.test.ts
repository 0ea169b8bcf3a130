import { describe, expect, it } from 'vitest';
import { CARD_GAP, CARD_MARGIN, cardPosition } from '../../../../src/lib/entities/card-position.ts';

const viewport = { width: 320, height: 600 };
const card = { width: 300, height: 120 };

describe('cardPosition', () => {
  it('puts the card just below the line of the mention', () => {
    const p = cardPosition({ top: 100, bottom: 120, left: 10 }, card, viewport);
    expect(p).toEqual({ top: 120 + CARD_GAP, left: 10, above: false });
  });

  it('puts it above the line when there is no room below, never over the line', () => {
    const p = cardPosition({ top: 500, bottom: 520, left: 10 }, card, viewport);
    expect(p.above).toBe(true);
    expect(p.top + card.height).toBeLessThanOrEqual(500);
  });

  it('keeps it inside a 320 px viewport', () => {
    const p = cardPosition({ top: 100, bottom: 120, left: 250 }, card, viewport);
    expect(p.left).toBe(viewport.width - card.width - CARD_MARGIN);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - CARD_MARGIN);
    expect(cardPosition({ top: 100, bottom: 120, left: -20 }, card, viewport).left).toBe(CARD_MARGIN);
  });
});
