/**
 * Time as the emulator sees it, in milliseconds. Injected everywhere so tests move time by hand
 * instead of sleeping.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests and for replaying the seed's history. */
export function manualClock(startMs: number) {
  let t = startMs;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export const toUnixSeconds = (ms: number) => Math.floor(ms / 1000);
