/** An error meant for the terminal: printed as one line, no stack trace, exit code 1. */
export class CliError extends Error {}

export const DEFAULT_DATA_DIR = '.data/hub';
