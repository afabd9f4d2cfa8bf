/** How much catch-up work one subscribe and one socket may cause; points are series × steps read. */
export interface CatchUpLimits {
  /** One subscribe request, all its panels together. */
  maxPointsPerRequest: number;
  /** One socket, refilled evenly over a minute; also the most it can save up. */
  socketPointsPerMinute: number;
  /** Charged for every subscribe however small its catch-up, so the budget bounds the rate too. */
  requestBasePoints: number;
  /** One part of a large catch-up, computed and sent in one event-loop turn. */
  chunkPoints: number;
  /** Subscribe requests of one socket that may wait behind the one being answered. */
  maxPendingRequests: number;
  /** A catch-up whose client has read nothing for this long is abandoned. */
  stallMs: number;
}

// An hour of the launch-surge dashboard reads about 560,000 points: it fits in one request.
export const DEFAULT_CATCH_UP_LIMITS: CatchUpLimits = {
  maxPointsPerRequest: 1_000_000,
  socketPointsPerMinute: 2_000_000,
  requestBasePoints: 10_000,
  chunkPoints: 10_000,
  maxPendingRequests: 4,
  stallMs: 10_000,
};

/** A catch-up never reaches further back than this, however old the client's newest point is. */
export const MAX_CATCH_UP_MS = 60 * 60 * 1000;
