/**
 * How far back the in-memory windows are guaranteed to reach, also right after a restart (they are
 * refilled from history that far): queries inside it never touch SQLite.
 */
export const RECENT_WINDOW_MS = 60 * 60 * 1000;
