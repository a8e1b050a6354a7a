/** A setting or configuration file is wrong: start-up stops with this one line, no stack trace. */
export class ConfigError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'ConfigError';
  }
}
