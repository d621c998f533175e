import { FIGURE_LABELS, formatFigure, SHARE_FIGURES, type YearFigures } from '@/lib/library/over-years.ts';
import { t } from '../i18n.ts';

// One agency's key figures by year: the numbers in a table, and beside them a small SVG chart (bars for
// counts, a line for each share). The table is the record; the chart only shows the shape.

type FigureKey = Exclude<keyof YearFigures, 'year'>;
const COUNTS: FigureKey[] = ['newRequests', 'carriedOver', 'reviews', 'lawsuits'];
const SHARES: FigureKey[] = ['disclosedShare', 'reviewsCorrectedShare'];
const COLORS: Record<FigureKey, string> = {
  newRequests: '#1a73e8',
  carriedOver: '#9aa0a6',
  reviews: '#e37400',
  lawsuits: '#a50e0e',
  disclosedShare: '#188038',
  reviewsCorrectedShare: '#8430ce',
};

function Chart({ rows }: { rows: YearFigures[] }) {
  const W = 360;
  const H = 160;
  const pad = 24;
  const max = Math.max(1, ...rows.flatMap((r) => COUNTS.map((k) => r[k] ?? 0)));
  const slot = (W - pad * 2) / Math.max(1, rows.length);
  const bar = (slot * 0.8) / COUNTS.length;
  const y = (v: number) => H - pad - (v / max) * (H - pad * 2);
  const yShare = (v: number) => H - pad - v * (H - pad * 2);
  return (
    <svg class="nb-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={t('libChartLabel')}>
      <line x1={pad} y1={H - pad} x2={W - pad} y2={H - pad} stroke="#5f6368" />
      {rows.map((r, i) => (
        <g key={r.year}>
          {COUNTS.map((k, j) =>
            r[k] === null ? null : (
              <rect x={pad + i * slot + slot * 0.1 + j * bar} y={y(r[k]!)} width={bar} height={H - pad - y(r[k]!)} fill={COLORS[k]}>
                <title>{`${r.year} ${t(`figure_${k}`)} ${formatFigure(k, r[k])}`}</title>
              </rect>
            ),
          )}
          <text x={pad + i * slot + slot / 2} y={H - 6} text-anchor="middle" font-size="11">
            {r.year}
          </text>
        </g>
      ))}
      {SHARES.map((k) => {
        const pts = rows.map((r, i) => (r[k] === null ? null : `${pad + i * slot + slot / 2},${yShare(r[k]!)}`)).filter(Boolean);
        return pts.length ? <polyline key={k} points={pts.join(' ')} fill="none" stroke={COLORS[k]} stroke-width="2" /> : null;
      })}
    </svg>
  );
}

export function OverYears({ agency, rows }: { agency: string; rows: YearFigures[] }) {
  const keys = Object.keys(FIGURE_LABELS) as FigureKey[];
  return (
    <section class="nb-years" data-testid="over-years" data-agency={agency}>
      <h3>{agency}</h3>
      <div class="nb-years-body">
        <table class="nb-years-table">
          <thead>
            <tr>
              <th>{t('year')}</th>
              {keys.map((k) => (
                <th key={k}>
                  <span class="nb-swatch" style={{ background: COLORS[k] }} />
                  {t(`figure_${k}`)}
                  {SHARE_FIGURES.has(k) ? t('libLine') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year}>
                <th>{r.year}</th>
                {keys.map((k) => (
                  <td key={k} data-figure={k}>
                    {formatFigure(k, r[k])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Chart rows={rows} />
      </div>
    </section>
  );
}
