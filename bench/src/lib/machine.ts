import os from 'node:os';

/** Load averages (1, 5, 15 min), two decimals. */
export function loadAverages(): number[] {
  return os.loadavg().map(l => Math.round(l * 100) / 100);
}

/** The machine a bench runs on, and its load averages now, for its result line. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageStart: loadAverages(),
  };
}

/** Samples RSS every 100 ms; `peakMb` also takes the kernel's maxRSS into account. */
export function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  timer.unref();
  return {
    peakMb(): number {
      const maxRssBytes = process.resourceUsage().maxRSS * 1024;
      return Math.round(Math.max(peak, maxRssBytes) / 1024 / 1024);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
