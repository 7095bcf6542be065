/** Reserved before the lazy chart arrives, so nothing below it moves. */
export const COMPARE_CHART_HEIGHT = 340;
