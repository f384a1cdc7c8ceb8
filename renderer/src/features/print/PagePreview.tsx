import type { FontRole, LaidOutPage } from '../../../../shared/domain/print';

/** Screen faces for each print role; the layout fixes every run's width, so a stand-in face keeps positions. */
const FAMILY: Record<FontRole, string> = {
  fangsong: '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif',
  xiaobiaosong: '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif',
  heiti: '"SimHei", "黑体", "Noto Sans CJK SC", sans-serif',
  kaiti: '"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "AR PL UKai CN", "Noto Serif CJK SC", serif',
  songti: '"SimSun", "宋体", "Noto Serif CJK SC", serif',
  serif: '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
  serifBold: '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
  sans: '"Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif',
};

/**
 * One laid-out page drawn as SVG in page points: the same positioned runs, fills and rules the PDF
 * writer draws, so what the preview shows is where the PDF puts it. Always black on white, as printed.
 */
export function PagePreview({ page, label }: { page: LaidOutPage; label: string }) {
  return (
    <svg
      className="print-page"
      viewBox={`0 0 ${page.width.toFixed(1)} ${page.height.toFixed(1)}`}
      role="img"
      aria-label={label}
    >
      <rect width={page.width} height={page.height} fill="#fff" />
      {page.fills.map((f, i) => (
        <rect key={`f${i}`} x={f.x} y={f.y} width={f.width} height={f.height} fill={f.color} />
      ))}
      {page.runs.map((r, i) => (
        <text
          key={`t${i}`}
          x={r.x}
          y={r.y}
          fontSize={r.size}
          fontFamily={FAMILY[r.role]}
          fontWeight={r.role === 'serifBold' ? 700 : 400}
          fill={r.color}
          textLength={r.text.length > 1 ? Math.max(0.1, r.width - r.spacing) : undefined}
          lengthAdjust="spacing"
        >
          {r.text}
        </text>
      ))}
      {page.rules.map((l, i) => (
        <line
          key={`l${i}`}
          x1={l.x1}
          y1={l.y1}
          x2={l.x2}
          y2={l.y2}
          stroke={l.color}
          strokeWidth={l.width}
          strokeDasharray={l.dash.length ? l.dash.join(' ') : undefined}
        />
      ))}
    </svg>
  );
}
