/** A configuration problem found at start-up; main prints its message as one line and exits. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
