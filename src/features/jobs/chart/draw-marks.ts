/** Marks drawn on the chart's canvas: the best checkpoint, and the span a finding rests on. */
import uPlot from 'uplot';
import type { ChartPalette } from './colors';
import type { ResolvedMarks } from './marks';

const font = (px: number) =>
  `${Math.round(px * uPlot.pxRatio)}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;

function label(u: uPlot, text: string, x: number, row: number, color: string, c: ChartPalette) {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const { left, top, width } = u.bbox;
  ctx.font = font(11);
  const w = ctx.measureText(text).width + 8 * r;
  const h = 16 * r;
  // Right of its line, unless that would run off the plot.
  const x0 = Math.min(Math.max(x + 4 * r, left), left + width - w);
  const y0 = top + 2 * r + row * (h + 2 * r);
  ctx.fillStyle = c.labelBg;
  ctx.fillRect(x0, y0, w, h);
  ctx.fillStyle = color;
  // Set both: uPlot leaves the alignment of the last axis it drew.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x0 + 4 * r, y0 + h / 2);
}

/** Under the lines: drawn at the start of each redraw. */
export function drawSpan(u: uPlot, marks: ResolvedMarks, c: ChartPalette) {
  const s = marks.span;
  if (!s) return;
  const { left, top, width, height } = u.bbox;
  const a = Math.max(left, u.valToPos(s.x0, 'x', true));
  const b = Math.min(left + width, u.valToPos(s.x1, 'x', true));
  if (b < left || a > left + width) return;
  u.ctx.save();
  u.ctx.fillStyle = c.span;
  // A span of one checkpoint still gets a visible sliver.
  u.ctx.fillRect(a, top, Math.max(b - a, 2 * uPlot.pxRatio), height);
  u.ctx.restore();
}

/** Over the lines: drawn once everything else is. */
export function drawLabels(u: uPlot, marks: ResolvedMarks, c: ChartPalette) {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const { left, top, width, height } = u.bbox;
  const inside = (x: number) => x >= left - 0.5 && x <= left + width + 0.5;
  ctx.save();
  const best = marks.best;
  const bx = best ? u.valToPos(best.x, 'x', true) : NaN;
  if (best && inside(bx)) {
    ctx.strokeStyle = c.mark;
    ctx.lineWidth = r;
    ctx.setLineDash([3 * r, 3 * r]);
    ctx.beginPath();
    ctx.moveTo(bx, top);
    ctx.lineTo(bx, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    if (best.y !== undefined) {
      const by = u.valToPos(best.y, best.scale, true);
      if (by >= top && by <= top + height) {
        ctx.beginPath();
        ctx.arc(bx, by, 5 * r, 0, 2 * Math.PI);
        ctx.fillStyle = c.labelBg;
        ctx.fill();
        ctx.lineWidth = 2 * r;
        ctx.stroke();
      }
    }
    label(u, best.label, bx, 0, c.mark, c);
  }
  const span = marks.span;
  if (span) {
    const sx = Math.max(left, u.valToPos(span.x0, 'x', true));
    // Below the best label when both start at the same checkpoint (overfitting since the best).
    if (inside(sx)) label(u, span.label, sx, best && inside(bx) ? 1 : 0, c.spanText, c);
  }
  ctx.restore();
}
