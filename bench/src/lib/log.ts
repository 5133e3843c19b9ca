/** Where a bench writes its human lines (the console, or nowhere in tests). */
export type BenchLog = (line: string) => void;

/** Writes nothing: for smoke tests. */
export const silentLog: BenchLog = () => {};
