import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * Asks for a secret on the terminal without echoing it: readline writes what is typed to its
 * output, so the output is a stream that drops everything after the question itself.
 */
export async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stderr.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  // With the echo muted, Ctrl-C would otherwise leave the question waiting forever.
  rl.on('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(130);
  });
  try {
    const answer = rl.question(question);
    muted = true;
    return await answer;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
