/** What a Chromium trace of a scroll says about its frames: main-thread time, and frame times in vsync intervals. */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string; elementCount?: number };
}

export interface MainThreadTime {
  /** Thread time of the renderer main thread's tasks (ThreadControllerImpl::RunTask), ms. */
  cpuMs: number;
  /** Thread time by trace event name, ms (nested events counted in each of their ancestors too). */
  byEvent: Map<string, number>;
  /** Elements whose style Chromium recalculated (UpdateLayoutTree events). */
  restyled: number;
}

/** Main-thread time of the renderer(s) in a trace. */
export function mainThreadTime(events: readonly TraceEvent[]): MainThreadTime {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let cpuMs = 0;
  let restyled = 0;
  const byEvent = new Map<string, number>();
  for (const e of events) {
    if (!mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    if (e.name === 'UpdateLayoutTree') restyled += e.args?.elementCount ?? 0;
    if (e.ph !== 'X') continue;
    const ms = (e.tdur ?? 0) / 1000;
    if (e.name === 'ThreadControllerImpl::RunTask') cpuMs += ms;
    byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + ms);
  }
  return { cpuMs, byEvent, restyled };
}

/**
 * Headless Chromium draws at 60 Hz and stamps animation frames at the display's vsync, rounded to 0.1 ms with
 * jitter (timer coarsening): a page that does nothing gets deltas of 16.6, 16.7 and 16.8 ms. A delta is
 * counted as the whole number of vsync intervals it spans (16.67, 33.33 … ms), so p95 ≤ 16.7 ms means that
 * at least 95% of the frames came at the next vsync; a frame that slips one is 33.3 ms.
 */
const VSYNC_MS = 1000 / 60;
export const vsyncFrames = (deltas: readonly number[]) => deltas.map((d) => Math.max(1, Math.round(d / VSYNC_MS)) * VSYNC_MS);

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
