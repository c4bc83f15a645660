import { Table, Text } from '@mantine/core';
import { formatDate } from '../../shared/dates.ts';
import type { MaturityReport } from './assessments-api.ts';
import { score } from './assessment-text.ts';

interface Point {
  label: string;
  when: string | null;
  overall: number | null;
}

const W = 640;
const H = 220;
const PAD = { left: 36, right: 16, top: 16, bottom: 36 };

/**
 * Overall maturity over the snapshots and now, as a plain SVG line on the 0-5 scale with the
 * target as a dashed line. The SVG is a picture with a summary for screen readers; the table
 * below it carries the same numbers.
 */
export function MaturityTrend({ report }: { report: MaturityReport }) {
  const points: Point[] = [
    ...report.history.map((h) => ({ label: h.label, when: h.takenAt, overall: h.overall })),
    { label: 'Now', when: null, overall: report.current.overall },
  ];
  const x = (i: number) => PAD.left + (points.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + ((5 - v) * (H - PAD.top - PAD.bottom)) / 5;
  const scored = points.map((p, i) => ({ ...p, i })).filter((p): p is Point & { i: number; overall: number } => p.overall !== null);
  const path = scored.map((p, n) => `${n === 0 ? 'M' : 'L'}${x(p.i)},${y(p.overall)}`).join(' ');
  const summary = `Overall maturity ${scored.map((p) => `${score(p.overall)} (${p.label})`).join(', then ')}${report.target === null ? '' : `; target ${score(report.target)}`}.`;

  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: W, display: 'block' }} data-testid="maturity-trend">
        {[0, 1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(level)} y2={y(level)} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
            <text x={PAD.left - 8} y={y(level) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
              {level}
            </text>
          </g>
        ))}
        {report.target !== null && (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(report.target)} y2={y(report.target)} stroke="var(--mantine-color-teal-7)" strokeDasharray="6 4" strokeWidth={1.5} />
            <text x={W - PAD.right} y={y(report.target) - 6} textAnchor="end" fontSize={11} fill="var(--mantine-color-teal-8)">
              target {score(report.target)}
            </text>
          </g>
        )}
        <path d={path} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth={2.5} />
        {scored.map((p) => (
          <g key={p.i}>
            <circle cx={x(p.i)} cy={y(p.overall)} r={4.5} fill="var(--mantine-color-blue-7)" />
            <text x={x(p.i)} y={y(p.overall) - 10} textAnchor="middle" fontSize={12} fontWeight={700} fill="var(--mantine-color-text)">
              {score(p.overall)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={i} x={x(i)} y={H - 12} textAnchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'} fontSize={11} fill="var(--mantine-color-dimmed)">
            {p.label.length > 24 ? `${p.label.slice(0, 23)}…` : p.label}
          </text>
        ))}
      </svg>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        Overall maturity at each snapshot and now (0 Incomplete … 5 Optimizing); the dashed line is the target.
      </Text>
      <Table mt="sm" aria-label="Maturity history" data-testid="maturity-history" maw={W}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Moment</Table.Th>
            <Table.Th scope="col">Taken</Table.Th>
            <Table.Th scope="col">Overall maturity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row" fw={400}>
                {p.label}
              </Table.Th>
              <Table.Td>{p.when ? formatDate(p.when) : 'Current results'}</Table.Td>
              <Table.Td>{score(p.overall)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}
