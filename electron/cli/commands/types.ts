export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A `tailor` sub-command: parses its own arguments and returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
