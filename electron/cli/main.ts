import { reportFailure, runCli } from './tailor';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportFailure('', error, console.error);
  },
);
