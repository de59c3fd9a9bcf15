export { buildTimeline, buildDropZoom, dropMarker, type TimelineOptions } from "./build";
export { lttb, compressRuns } from "./lttb";
export { scoreBands } from "./score-bands";
export * from "./types";
