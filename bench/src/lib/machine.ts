import fs from 'node:fs';
import os from 'node:os';

/** Load averages (1, 5, 15 min), two decimals. */
export function loadAverages(): number[] {
  return os.loadavg().map(l => Math.round(l * 100) / 100);
}

/**
 * The vector instruction sets that zlib, simdutf, glibc and V8 pick their
 * routines by, as a CPU's flags name them.
 */
const VECTOR_EXTENSIONS = [
  'sse4_2',
  'avx2',
  'avx512f',
  'avx512bw',
  'avx512vl',
  'vpclmulqdq',
] as const;

/**
 * The {@link VECTOR_EXTENSIONS} the first processor of a `/proc/cpuinfo`
 * lists. These machines all report the model as "AMD EPYC", while the same
 * code ran much faster on one whose CPU had AVX-512 (docs/benchmarks.md):
 * the flags tell such machines apart in a result.
 */
export function vectorExtensionsOf(cpuinfo: string): string[] {
  const flags = /^flags\s*:(.*)$/m.exec(cpuinfo)?.[1].trim().split(/\s+/);
  return flags ? VECTOR_EXTENSIONS.filter(f => flags.includes(f)) : [];
}

function vectorExtensions(): string[] {
  try {
    return vectorExtensionsOf(fs.readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    // Not Linux: the result says nothing rather than guess.
    return [];
  }
}

/** The machine a bench runs on, and its load averages now, for its result line. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    vectorExtensions: vectorExtensions(),
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
