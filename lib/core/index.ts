/**
 * The rule core's public API. Pure TypeScript: no framework, database or clock. Every page, the
 * API and the explain command call these functions; nothing re-derives a reason elsewhere.
 *
 * Shared invariants:
 * - Input is a document that passed `parseHistory()` (lib/history/parse.ts); nothing here throws on it.
 * - Results depend on the events' content, never on their order in the input (see normalise.ts).
 * - Results are structured (codes, figures, event ids); human text lives in lib/i18n/core-text.ts.
 * - Every threshold is in thresholds.ts.
 */
export { explain } from "./explain";
export { assess, type Assessment, type Signal } from "./assess";
export { simulate, MAX_HORIZON_DAYS, type PlannedAction, type SimulatedSignal, type Simulation } from "./simulate";
export { THRESHOLDS } from "./thresholds";
export { coreContext, platformDropWeek, restoreCohort } from "./context";
export { STEP_ANSWERS } from "./steps";
export { deriveEventId } from "./normalise";
export {
  BLOCKER_CODES,
  BORROWER_REASONS,
  CONTEXT_REASONS,
  GROWTH_ONLY_BLOCKERS,
  REASON_CODES,
  STEP_CODES,
  type Blocker,
  type BlockerCode,
  type BorrowerReasonCode,
  type Confidence,
  type ContextReasonCode,
  type CoreContext,
  type Drop,
  type Evidence,
  type Explanation,
  type Figures,
  type Growth,
  type Outlook,
  type OutlookBasis,
  type PlatformDropWeek,
  type RestoreCohort,
  type Reason,
  type ReasonCode,
  type Step,
  type StepCode,
} from "./types";
