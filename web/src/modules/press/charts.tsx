/** Small hand-written SVG charts (no chart library: a few hundred bytes each). */
export function VolumeChart({ data, label }: { data: { day: string; articles: number; negative: number }[]; label: string }) {
  const w = 640;
  const h = 180;
  const pad = 24;
  const max = Math.max(1, ...data.map((d) => d.articles));
  const bw = data.length ? (w - pad * 2) / data.length : 0;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} stroke="#ccc" />
      <text x={2} y={pad}>
        {max}
      </text>
      {data.map((d, i) => {
        const x = pad + i * bw + 1;
        const full = ((h - pad * 2) * d.articles) / max;
        const neg = ((h - pad * 2) * d.negative) / max;
        return (
          <g key={d.day}>
            <title>{`${d.day}: ${d.articles} (${d.negative})`}</title>
            <rect x={x} y={h - pad - full} width={Math.max(1, bw - 2)} height={full} fill="#4a78c2" />
            <rect x={x} y={h - pad - neg} width={Math.max(1, bw - 2)} height={neg} fill="#c0392b" />
            {(i === 0 || i === data.length - 1 || data.length <= 10) && (
              <text x={x} y={h - 8}>
                {d.day.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** One horizontal bar split into coloured shares. */
export function ShareBar({ parts, label }: { parts: { key: string; label: string; value: number; color: string }[]; label: string }) {
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  let x = 0;
  return (
    <div>
      <svg className="chart-svg" viewBox="0 0 400 24" role="img" aria-label={label}>
        {parts.map((p) => {
          const width = (400 * p.value) / total;
          const r = (
            <rect key={p.key} x={x} y={0} width={width} height={24} fill={p.color}>
              <title>{`${p.label}: ${p.value}`}</title>
            </rect>
          );
          x += width;
          return r;
        })}
      </svg>
      <p className="small">
        {parts.map((p) => (
          <span key={p.key} style={{ marginRight: '1rem' }}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: p.color, marginRight: 4 }} />
            {p.label}: {p.value} ({Math.round((p.value / total) * 100)}%)
          </span>
        ))}
      </p>
    </div>
  );
}

export function Bars({ rows }: { rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div className="bars">
      {rows.map((r) => (
        <div className="bar-row" key={r.label}>
          <span>{r.label}</span>
          <div className="bar" style={{ width: `${(100 * r.value) / max}%` }} />
          <span className="bar-value">{r.value}</span>
        </div>
      ))}
    </div>
  );
}
