// The host every screen test runs in: installed before each test, torn down after, and each test
// ends by checking that every string shown came from the locale file.
import { afterEach, beforeEach, expect } from "vitest";
import { unmountAll } from "./dom";
import { installHost, removeHost } from "./host";

export function useTestHost(): { current: ReturnType<typeof installHost> } {
  const env = {} as { current: ReturnType<typeof installHost> };
  beforeEach(() => {
    env.current = installHost();
  });
  afterEach(() => {
    unmountAll();
    removeHost();
    expect(env.current.missing).toEqual([]);
  });
  return env;
}
