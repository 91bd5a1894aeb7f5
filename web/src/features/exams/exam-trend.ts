import type { ObservationSeries } from '../../../../shared/schemas/exams'

export type TrendPoint = ObservationSeries['points'][number]

/** A run of consecutive numeric points in one unit: the chart draws one line per run. */
export interface TrendRun {
  unit: string | null
  /** indexes into the chart's x values */
  indexes: number[]
}

/** Where the unit changed between two exams, for the words under the chart. */
export interface UnitChange {
  date: string
  from: string | null
  to: string | null
}

export interface TrendChartData {
  /** the points with a number, oldest first: the chart's x axis */
  points: TrendPoint[]
  /** seconds since the epoch of each point's date (uPlot's time scale) */
  xs: number[]
  /** one array per run, the length of `xs`, null outside the run: the line breaks between runs */
  runs: (number | null)[][]
  runUnits: (string | null)[]
  /** the reference band per point, null where the report printed no limit on that side */
  bandLow: (number | null)[]
  bandHigh: (number | null)[]
  unitChanges: UnitChange[]
}

const secondsOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000

/** Splits the numeric points into runs of one unit, so a change of unit breaks the line (issue 5). */
export function splitByUnit(points: readonly TrendPoint[]): TrendRun[] {
  const runs: TrendRun[] = []
  let index = 0
  for (const point of points) {
    if (point.value === null)
      continue
    const last = runs.at(-1)
    if (last !== undefined && last.unit === point.unit)
      last.indexes.push(index)
    else
      runs.push({ unit: point.unit, indexes: [index] })
    index++
  }
  return runs
}

/** The series uPlot draws: x values, a column per unit run, and the reference band. */
export function trendChartData(series: Pick<ObservationSeries, 'code' | 'points'>): TrendChartData {
  const points = series.points.filter(p => p.value !== null)
  const runs = splitByUnit(points)
  const unitChanges: UnitChange[] = runs.slice(1).map((run, i) => ({
    date: points[run.indexes[0]!]!.date,
    from: runs[i]!.unit,
    to: run.unit,
  }))
  return {
    points,
    xs: points.map(p => secondsOf(p.date)),
    runs: runs.map(run => points.map((p, i) => run.indexes.includes(i) ? p.value : null)),
    runUnits: runs.map(run => run.unit),
    bandLow: points.map(p => p.refLow),
    bandHigh: points.map(p => p.refHigh),
    unitChanges,
  }
}

/**
 * The y range that shows every value and the reference band with some room, so a band with one
 * open side (LDL-C < 3.4, HDL-C ≥ 1.0) still draws up to the chart's edge.
 */
export function trendYRange(data: Pick<TrendChartData, 'points' | 'bandLow' | 'bandHigh'>): [number, number] {
  const values = [
    ...data.points.map(p => p.value),
    ...data.bandLow,
    ...data.bandHigh,
  ].filter((v): v is number => v !== null)
  if (values.length === 0)
    return [0, 1]
  const min = Math.min(...values)
  const max = Math.max(...values)
  const pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.05, 0.1)
  return [Math.max(0, min - pad), max + pad]
}
