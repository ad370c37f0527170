/**
 * A job looked at every `intervalMs` (and at start), whose runs never overlap: `tick` runs it now
 * or joins the run in progress; `stop` ends the looks and waits for that run.
 * @example const digest = periodic(() => sendDueDigest(db, deps), 30 * MINUTE); digest.start()
 */
export function periodic<T>(once: () => Promise<T>, intervalMs: number) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<T> | undefined;
  const tick = async (): Promise<T> => {
    if (!running) running = once().finally(() => (running = undefined));
    return running;
  };
  return {
    tick,
    start() {
      void tick();
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
