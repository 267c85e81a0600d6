/** Sliding lifetime of a session: a working day, not next-auth's 30 days. */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** However active, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
