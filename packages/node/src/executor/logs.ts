// Task output in memory: moved to @swarm/dispatcher (shared by every executor).
export { LineSplitter, LogRing, logLine, MAX_LINE_BYTES, type TaskLogLine } from '@swarm/dispatcher';
