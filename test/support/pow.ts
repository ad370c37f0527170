import { solveChallenge } from 'altcha-lib';

interface Fetches {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Does what the widget does: fetches a challenge from the app and solves it with altcha-lib,
 * giving the `altcha` field a post carries (base64 of the solution's JSON).
 * @example const altcha = await solvedAltcha(t.app)
 */
export async function solvedAltcha(app: Fetches): Promise<string> {
  const res = await app.request('/api/v1/challenge');
  if (res.status !== 200) throw new Error(`challenge: ${res.status}`);
  const ch = (await res.json()) as {
    algorithm: string;
    challenge: string;
    maxnumber: number;
    salt: string;
    signature: string;
  };
  const solution = await solveChallenge(ch.challenge, ch.salt, ch.algorithm, ch.maxnumber).promise;
  if (!solution) throw new Error('challenge not solved');
  const payload = {
    algorithm: ch.algorithm,
    challenge: ch.challenge,
    number: solution.number,
    salt: ch.salt,
    signature: ch.signature,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
