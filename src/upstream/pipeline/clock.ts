/** Milliseconds since the epoch. Injected so tests drive time without sleeping. */
export type Clock = () => number;

/** `Date.now` read at call time, so jest's fake timers (which replace `Date`) drive it too. */
export const systemClock: Clock = () => Date.now();
