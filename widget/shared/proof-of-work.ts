/**
 * A challenge as `GET api/v1/challenge` gives it (ALTCHA v1, altcha-lib's createChallenge), with
 * the `started` token a page without JavaScript carries (server/abuse/started-token.ts).
 */
export interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
  started: string;
}

/**
 * What a post carries to show a person sends it: the solution, or, where the browser can't solve
 * (no Web Crypto: a site on plain http), the challenge's `started` token, which the server takes
 * as from a page without JavaScript, under its stricter per-IP limit (widget/README.md).
 */
export type Proof = { altcha: string } | { started: string };

/** Resolves after `ms` (at once without), letting the page run meanwhile. */
const sleep = (ms?: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One form's proof of work, fetched and solved while the person types: `pow()` starts it
 * (unless under way or ready), `pow(true)` takes it for a post. Taken, the `altcha` field comes
 * once solved and once the minimum fill time has passed since the challenge came, so the server
 * never finds the post too fast; undefined when no challenge came. A taken proof is spent: the
 * next post gets a new one. (A function, not an object: method names would stay in the chunk.)
 */
export type ProofOfWork = (take?: boolean) => Promise<Proof | undefined>;

/**
 * The proof of work of a form posting to `base`, which must not arrive sooner than `minFillMs`
 * (shared/limits.ts MIN_FILL_MS) after its challenge. The solver tries every number from 0 up
 * to the challenge's maxnumber for the one whose SHA-256 of `salt + number` is the challenge,
 * yielding to the page every 500 digests: Chromium resolves `crypto.subtle.digest` of a few bytes
 * without leaving the main thread, so an unbroken loop is one long task (0.3–0.45 s at 50,000),
 * while 500 at a time keep every task under 50 ms (widget/README.md has the figures). It compares
 * a digest's first 32 bits, not its hex (no hex of each digest, fewer bytes): a false match, one
 * challenge in 200,000 at 20,000 numbers, is refused by the server and solved again like an
 * expired one. Without Web Crypto (`crypto.subtle` is missing outside secure contexts: a page on
 * plain http) nothing is solved and the challenge's `started` token goes instead. No challenge
 * (no connection) leaves the post without either: it fails as the challenge did.
 * @example const pow = proofOfWork(base, MIN_FILL_MS.feedback); pow(); … Object.assign(body, await pow(true))
 */
export function proofOfWork(base: string, minFillMs: number): ProofOfWork {
  let solving: Promise<Proof | undefined> | undefined;
  return (take) => {
    // biome-ignore lint/suspicious/noAssignInExpressions: the widget's bytes are counted; this is the shortest form
    const proof = (solving ||= (async () => {
      const c: Challenge = await (await fetch(`${base}api/v1/challenge`)).json();
      const at = Date.now();
      const encoder = new TextEncoder();
      const target = parseInt(c.challenge.slice(0, 8), 16);
      const subtle = crypto.subtle;
      let number = 0;
      while (
        subtle &&
        number <= c.maxnumber &&
        new DataView(await subtle.digest('SHA-256', encoder.encode(c.salt + number))).getUint32(0) !== target
      )
        if (++number % 500 === 0) await sleep();
      await sleep(at + minFillMs - Date.now());
      return subtle ? { altcha: btoa(JSON.stringify({ ...c, number })) } : { started: c.started };
    })().catch(() => (solving = undefined)));
    if (take) solving = undefined;
    return proof;
  };
}
